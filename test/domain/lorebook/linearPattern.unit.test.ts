import { describe, expect, it } from "vitest";
import { LinearPattern } from "../../../src/domain/lorebook/linearPattern.ts";
import { PatternError } from "../../../src/domain/lorebook/patternTree.ts";

const points = (text: string) => Array.from(text, (c) => c.codePointAt(0)!);
const linear = (source: string, flags = "") =>
  new LinearPattern(source, {
    ignoreCase: flags.includes("i"),
    multiline: flags.includes("m"),
    dotAll: flags.includes("s"),
  });

/** Patterns of the kinds lorebook keys use, checked against JavaScript's own RegExp on the same texts. */
const patterns: [string, string][] = [
  ["broth", ""],
  [String.raw`\bbroth\b`, "i"],
  [String.raw`\bcats?\b`, "i"],
  ["colou?r", ""],
  ["(cat|dog|bird)s", ""],
  ["^hello", ""],
  ["^hello", "m"],
  ["end$", ""],
  ["end$", "m"],
  ["a.c", ""],
  ["a.c", "s"],
  ["[a-c]+x", ""],
  ["[^aeiou\\s]{3}", ""],
  [String.raw`\d{2,4}-\d+`, ""],
  [String.raw`\w+@\w+\.com`, ""],
  ["(?:ab)+c", ""],
  ["(?<name>ab)c", ""],
  ["a{2}b{1,}c{0,2}d", ""],
  ["tram\\s*28", "i"],
  ["ÉCOLE", "i"],
  ["東京|大阪", ""],
  ["x*", ""],
  ["(a|b)*abb", ""],
  ["[\\]\\-x]", ""],
  [String.raw`\u00e9t\x65`, ""],
  ["(a*)*b", ""],
  [String.raw`\Bor\B`, ""],
];
const texts = [
  "",
  "The BROTH simmers",
  "broths",
  "cats and a dog",
  "color colour colr",
  "say hello",
  "line one\nhello there\nthe end\nmore",
  "abc a\nc",
  "aaabx cbx",
  "strength",
  "12-345 1-2 1234-5",
  "mail me@host.com",
  "ababc abc",
  "aabcd aabbbccd",
  "Tram 28 tram28",
  "école",
  "大阪で",
  "aababb",
  "a]b-c",
  "été",
  "aaaa",
  "word forward",
];

describe("linear-time patterns", () => {
  it.each(patterns)("/%s/%s agrees with RegExp", (source, flags) => {
    const native = new RegExp(source, `${flags}u`);
    const ours = linear(source, flags);
    for (const text of texts) expect(ours.test(points(text)), JSON.stringify(text)).toBe(native.test(text));
  });

  it.each([
    [String.raw`(a)\1`, "back-reference"],
    ["a(?=b)", "lookahead"],
    ["(?<!a)b", "lookbehind"],
    ["(a", "unbalanced"],
    ["a)", "unbalanced"],
    ["[a-", "class"],
    ["*a", "nothing to repeat"],
    ["a{3,1}", "bounds"],
    [String.raw`\k`, "unknown escape"],
    ["(.{100}){100}", "too large"],
    ["(?:(?:){4000}){4000}", "too large: nothing, copied sixteen million times"],
    ["(?:(?:){9999999999}){9999999999}", "too large: nothing, copied 10^20 times"],
    ["(?:a{0}|(?:)){9999999999}", "too large: nothing, copied ten billion times"],
  ])("refuses %s (%s)", (source) => {
    expect(() => linear(source)).toThrow(PatternError);
  });

  it("stays linear on patterns that make backtracking engines hang", () => {
    const text = points(`${"a".repeat(30_000)}!`);
    for (const source of ["(a+)+$", "(a|a)*b", "(a*)*b", "(a|aa)+c", "^(a?){30}a{30}$"]) {
      expect(linear(source).test(text)).toBe(false);
    }
  });
});
