/** Character tests for lorebook patterns, with JavaScript's meanings of `\w`, `\d` and `\s`. */

export type CharTest = (codePoint: number) => boolean;

export const WORD = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
export const DIGIT = (c: number) => c >= 48 && c <= 57;
export const SPACE = (c: number) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
export const not =
  (f: CharTest): CharTest =>
  (c) =>
    !f(c);

const variantsSeen = new Map<number, number[]>();

/** Both cases of a code point, when they are single code points. */
export function caseVariants(c: number): number[] {
  const known = variantsSeen.get(c);
  if (known) return known;
  if (variantsSeen.size > 20_000) variantsSeen.clear();
  const s = String.fromCodePoint(c);
  const variants = new Set([c]);
  for (const v of [s.toLowerCase(), s.toUpperCase()]) {
    const cp = v.codePointAt(0)!;
    if (String.fromCodePoint(cp) === v) variants.add(cp);
  }
  const list = [...variants];
  variantsSeen.set(c, list);
  return list;
}

export const isWordChar = WORD;
