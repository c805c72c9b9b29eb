import { describe, expect, it } from "vitest";
import { anyPattern } from "../../src/application/anyPattern.ts";

const PATTERNS = [
  /(?<![\p{L}])wie war dein tag(?![\p{L}])/giu,
  /\bmein(?:e)? (opa|oma)\b/gi,
  /^\s*merci\b/i,
  /(\w)\1/,
  /(?<greeting>hola) (?:amigo)/u,
  /und (?=I )/gu,
];

describe("whether any of a list of patterns matches", () => {
  it("answers as trying each pattern alone does, whatever their flags, groups and back-references", () => {
    const matchesAny = anyPattern(PATTERNS);
    const lines = [
      "Wie war dein Tag?",
      "meine Oma kommt",
      "  Merci beaucoup",
      "a merci late in the line",
      "book",
      "hola amigo",
      "HOLA AMIGO",
      "und I said so",
      "UND I said so",
      "nothing here at all",
      "",
    ];
    for (const line of lines)
      expect(matchesAny(line), line).toBe(
        PATTERNS.some((pattern) => new RegExp(pattern.source, pattern.flags.replace("g", "")).test(line)),
      );
  });

  it("gives the same answer however often it is asked, though the patterns it was given are global", () => {
    const matchesAny = anyPattern([/\bhallo\b/gi]);
    expect([matchesAny("hallo du"), matchesAny("hallo du"), matchesAny("na, hallo")]).toEqual([
      true,
      true,
      true,
    ]);
  });
});
