import { LRUCache } from "lru-cache";
import { RE2 } from "re2-wasm";

/**
 * How one lorebook key is looked for in the scanned text, as SillyTavern does it: a substring,
 * case-insensitive unless asked; whole words when asked (a key of several words stays a
 * substring); a key written `/pattern/flags` is a pattern. Patterns come from untrusted files, so
 * they run on RE2, which matches in time linear in the text; and since RE2's work also grows with
 * the size of the pattern, large counted repetitions (`.{1000}`) are refused as invalid, which
 * (as CCv3 asks of an invalid pattern) matches nothing.
 */

const PATTERN_KEY = /^\/([\s\S]+)\/([a-z]*)$/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Scripts written without spaces: any neighbour counts as a boundary. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

export const PATTERN_LIMITS = { length: 200, repetition: 20, repetitionTotal: 100 } as const;

interface Compiled {
  re: RE2 | null;
}

/**
 * Compiled patterns, shared by every scan of the process: compiling costs far more than matching.
 * RE2 lives in a small WebAssembly heap that is not garbage-collected, so the cache is bounded
 * and frees what it drops.
 */
const compiled = new LRUCache<string, Compiled>({
  max: 256,
  dispose: (value) => (value.re as unknown as { wrapper?: { delete(): void } } | null)?.wrapper?.delete(),
});

export interface KeyMatchOptions {
  caseSensitive: boolean;
  matchWholeWords: boolean;
}

/** Scanned text, lower-cased once for all the keys that look in it. */
export class Haystack {
  readonly text: string;
  #lower: string | null = null;

  constructor(text: string) {
    this.text = text;
  }

  get lower(): string {
    this.#lower ??= this.text.toLowerCase();
    return this.#lower;
  }
}

export function keyMatches(haystack: string | Haystack, key: string, options: KeyMatchOptions): boolean {
  const scanned = typeof haystack === "string" ? new Haystack(haystack) : haystack;
  const pattern = compilePattern(key);
  if (pattern !== undefined) return pattern !== null && testPattern(pattern, scanned.text);
  const text = options.caseSensitive ? scanned.text : scanned.lower;
  const needle = options.caseSensitive ? key : key.toLowerCase();
  if (needle.length === 0) return false;
  if (!options.matchWholeWords || /\s/.test(needle)) return text.includes(needle);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (isBoundary(text, at, true) && isBoundary(text, at + needle.length, false)) return true;
  }
  return false;
}

/** Undefined when the key is not a pattern; null when it is one withme will not run. */
export function compilePattern(key: string): RE2 | null | undefined {
  const parts = PATTERN_KEY.exec(key);
  if (!parts || !/^[dgimsuyv]*$/.test(parts[2]!)) return undefined;
  const cached = compiled.get(key);
  if (cached) return cached.re;
  const source = parts[1]!;
  let re: RE2 | null = null;
  if (withinLimits(source)) {
    try {
      const flags = [...new Set(parts[2]!.replace(/[^ims]/g, ""))].join("");
      re = new RE2(source, `${flags}u`);
    } catch {
      re = null;
    }
  }
  compiled.set(key, { re });
  return re;
}

function withinLimits(source: string): boolean {
  if (source.length > PATTERN_LIMITS.length) return false;
  let total = 0;
  for (const [, low, comma, high] of source.matchAll(/\{(\d+)(,?)(\d*)\}/g)) {
    const bound = Math.max(Number(low), comma && high ? Number(high) : 0);
    if (bound > PATTERN_LIMITS.repetition) return false;
    total += bound;
  }
  return total <= PATTERN_LIMITS.repetitionTotal;
}

function testPattern(re: RE2, text: string): boolean {
  try {
    return re.test(text);
  } catch {
    return false;
  }
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
