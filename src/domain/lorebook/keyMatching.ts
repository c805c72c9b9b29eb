import { RE2 } from "re2-wasm";

/**
 * How one lorebook key is looked for in the scanned text, as SillyTavern does it: a substring,
 * case-insensitive unless asked; whole words when asked (a key of several words stays a
 * substring); a key written `/pattern/flags` is a pattern. Patterns come from untrusted files, so
 * they run on RE2, which matches in linear time: no pattern can hang a reply.
 */

const PATTERN_KEY = /^\/([\s\S]+)\/([a-z]*)$/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Scripts written without spaces: any neighbour counts as a boundary. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

export interface KeyMatchOptions {
  caseSensitive: boolean;
  matchWholeWords: boolean;
}

/** Compiled patterns for one scan; an invalid pattern is remembered as matching nothing. */
export type PatternCache = Map<string, RE2 | null>;

export function keyMatches(
  haystack: string,
  key: string,
  options: KeyMatchOptions,
  patterns: PatternCache = new Map(),
): boolean {
  const pattern = compilePattern(key, patterns);
  if (pattern !== undefined) return pattern?.test(haystack) ?? false;
  const text = options.caseSensitive ? haystack : haystack.toLowerCase();
  const needle = options.caseSensitive ? key : key.toLowerCase();
  if (needle.length === 0) return false;
  if (!options.matchWholeWords || /\s/.test(needle)) return text.includes(needle);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (isBoundary(text, at, true) && isBoundary(text, at + needle.length, false)) return true;
  }
  return false;
}

/** Undefined when the key is not a pattern; null when it is one RE2 cannot run. */
export function compilePattern(key: string, patterns: PatternCache): RE2 | null | undefined {
  const parts = PATTERN_KEY.exec(key);
  if (!parts || !/^[dgimsuyv]*$/.test(parts[2]!)) return undefined;
  const cacheKey = key;
  if (patterns.has(cacheKey)) return patterns.get(cacheKey);
  let compiled: RE2 | null;
  try {
    const flags = [...new Set(parts[2]!.replace(/[^ims]/g, ""))].join("");
    compiled = new RE2(parts[1]!, `${flags}u`);
  } catch {
    compiled = null;
  }
  patterns.set(cacheKey, compiled);
  return compiled;
}

/** Whether the character on one side of `index` leaves a word boundary. */
function isBoundary(text: string, index: number, before: boolean): boolean {
  const char = before ? codePointBefore(text, index) : codePointAt(text, index);
  if (char === null) return true;
  return !WORD_CHAR.test(char) || UNSPACED.test(char);
}

function codePointAt(text: string, index: number): string | null {
  const code = text.codePointAt(index);
  return code === undefined ? null : String.fromCodePoint(code);
}

function codePointBefore(text: string, index: number): string | null {
  if (index <= 0) return null;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return codePointAt(text, start);
}
