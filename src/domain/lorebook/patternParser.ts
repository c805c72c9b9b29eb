/**
 * A parser for the regular expressions lorebook keys are written in (JavaScript syntax), into a
 * tree the linear-time matcher compiles. Everything that cannot run in linear time is refused:
 * back-references, lookaround, and very large counted repetitions.
 */

import { type CharTest, caseVariants, DIGIT, not, SPACE, WORD } from "./patternChars.ts";
import { type Node, PatternError, type PatternFlags } from "./patternTree.ts";

export function parsePattern(source: string, flags: PatternFlags): Node {
  const chars = Array.from(source, (s) => s.codePointAt(0)!);
  let at = 0;
  const peek = () => chars[at];
  const eat = (c: string) => {
    if (chars[at] !== c.codePointAt(0)) return false;
    at++;
    return true;
  };
  const fold = (test: CharTest): CharTest => (flags.ignoreCase ? (c) => caseVariants(c).some(test) : test);

  function alternation(): Node {
    const options = [sequence()];
    while (eat("|")) options.push(sequence());
    return options.length === 1 ? options[0]! : { kind: "alt", options };
  }

  function sequence(): Node {
    const items: Node[] = [];
    while (at < chars.length && peek() !== 0x7c && peek() !== 0x29) items.push(quantified(atom()));
    return { kind: "seq", items };
  }

  function quantified(node: Node): Node {
    let result = node;
    for (;;) {
      let min: number;
      let max: number;
      if (eat("*")) [min, max] = [0, Number.POSITIVE_INFINITY];
      else if (eat("+")) [min, max] = [1, Number.POSITIVE_INFINITY];
      else if (eat("?")) [min, max] = [0, 1];
      else if (peek() === 0x7b && /^\{\d+(,\d*)?\}/.test(String.fromCodePoint(...chars.slice(at, at + 12)))) {
        const text = String.fromCodePoint(...chars.slice(at, at + 12));
        const [whole, low, rest] = /^\{(\d+)(,\d*)?\}/.exec(text)!;
        at += whole.length;
        min = Number(low);
        max = rest === undefined ? min : rest === "," ? Number.POSITIVE_INFINITY : Number(rest.slice(1));
        if (max < min) throw new PatternError("repetition bounds out of order");
      } else return result;
      if (result.kind === "assert") throw new PatternError("nothing to repeat");
      eat("?");
      result = { kind: "repeat", node: result, min, max };
    }
  }

  function atom(): Node {
    const c = chars[at++]!;
    switch (String.fromCodePoint(c)) {
      case "(":
        return group();
      case "[":
        return { kind: "char", test: fold(characterClass()) };
      case ".":
        return {
          kind: "char",
          test: flags.dotAll ? () => true : (x) => x !== 10 && x !== 13 && x !== 0x2028 && x !== 0x2029,
        };
      case "^":
        return { kind: "assert", what: "start" };
      case "$":
        return { kind: "assert", what: "end" };
      case "\\":
        return escapeAtom();
      case "*":
      case "+":
      case "?":
      case ")":
        throw new PatternError("nothing to repeat");
      default: {
        const variants = flags.ignoreCase ? caseVariants(c) : [c];
        return { kind: "char", test: (x) => variants.includes(x) };
      }
    }
  }

  function group(): Node {
    if (eat("?")) {
      if (eat(":")) return closeGroup();
      if (peek() === 0x3c && chars[at + 1] !== 0x3d && chars[at + 1] !== 0x21) {
        while (at < chars.length && chars[at] !== 0x3e) at++;
        if (!eat(">")) throw new PatternError("unterminated group name");
        return closeGroup();
      }
      throw new PatternError("lookaround cannot run in linear time");
    }
    return closeGroup();
  }

  function closeGroup(): Node {
    const inner = alternation();
    if (!eat(")")) throw new PatternError("unterminated group");
    return inner;
  }

  function escapeAtom(): Node {
    const c = chars[at++];
    if (c === undefined) throw new PatternError("trailing backslash");
    const letter = String.fromCodePoint(c);
    if (letter === "b") return { kind: "assert", what: "wordBoundary" };
    if (letter === "B") return { kind: "assert", what: "notWordBoundary" };
    if (/[1-9]/.test(letter)) throw new PatternError("back-references cannot run in linear time");
    return { kind: "char", test: fold(classEscape(c)) };
  }

  /** The test for an escape inside or outside a class (`\d`, `\n`, `\.` …). */
  function classEscape(c: number): CharTest {
    const letter = String.fromCodePoint(c);
    switch (letter) {
      case "d":
        return DIGIT;
      case "D":
        return not(DIGIT);
      case "w":
        return WORD;
      case "W":
        return not(WORD);
      case "s":
        return SPACE;
      case "S":
        return not(SPACE);
      default: {
        const cp = escapedCodePoint(c);
        return (x) => x === cp;
      }
    }
  }

  function escapedCodePoint(c: number): number {
    const letter = String.fromCodePoint(c);
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, "0": 0 };
    if (letter in simple) return simple[letter]!;
    if (letter === "x" || letter === "u") {
      const braced = letter === "u" && eat("{");
      const digits: string[] = [];
      const count = letter === "x" ? 2 : braced ? 6 : 4;
      while (digits.length < count && at < chars.length && /[0-9a-f]/i.test(String.fromCodePoint(chars[at]!)))
        digits.push(String.fromCodePoint(chars[at++]!));
      if (braced && !eat("}")) throw new PatternError("bad unicode escape");
      if (digits.length === 0 || (!braced && digits.length !== count))
        throw new PatternError("bad hex escape");
      return Number.parseInt(digits.join(""), 16);
    }
    if (/[A-Za-z]/.test(letter)) throw new PatternError(`unsupported escape \\${letter}`);
    return c;
  }

  function characterClass(): CharTest {
    const negated = eat("^");
    const tests: CharTest[] = [];
    let first = true;
    while (at < chars.length && (first || peek() !== 0x5d)) {
      first = false;
      const single = classAtom();
      if (
        typeof single === "number" &&
        peek() === 0x2d &&
        chars[at + 1] !== 0x5d &&
        chars[at + 1] !== undefined
      ) {
        at++;
        const end = classAtom();
        if (typeof end !== "number" || end < single) throw new PatternError("bad class range");
        tests.push((x) => x >= single && x <= end);
      } else tests.push(typeof single === "number" ? (x) => x === single : single);
    }
    if (!eat("]")) throw new PatternError("unterminated character class");
    const inClass: CharTest = (x) => tests.some((t) => t(x));
    return negated ? not(inClass) : inClass;
  }

  function classAtom(): number | CharTest {
    const c = chars[at++]!;
    if (c !== 0x5c) return c;
    const e = chars[at++];
    if (e === undefined) throw new PatternError("trailing backslash");
    if (e === 0x62) return 8;
    return /[dDwWsS]/.test(String.fromCodePoint(e)) ? classEscape(e) : escapedCodePoint(e);
  }

  const tree = alternation();
  if (at < chars.length) throw new PatternError("unbalanced parenthesis");
  return tree;
}
