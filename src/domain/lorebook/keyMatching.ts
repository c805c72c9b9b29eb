import { LRUCache } from "lru-cache";
import { LinearPattern } from "./linearPattern.ts";

/**
 * How one lorebook key is looked for in the scanned text, as SillyTavern does it: a substring,
 * case-insensitive unless asked; whole words when asked (a key of several words stays a
 * substring); a key written `/pattern/flags` is a pattern, and so is every key of an entry with
 * `use_regex` (CCv3), written bare. Patterns come from untrusted files, so they run on a matcher
 * linear in the text (`LinearPattern`); what it cannot run (back-references, lookaround, huge
 * repetitions) is, as CCv3 asks of an invalid pattern, a key that matches nothing.
 */

const PATTERN_KEY = /^\/([\s\S]+)\/([a-z]*)$/;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Scripts written without spaces: any neighbour counts as a boundary. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

interface Compiled {
  pattern: LinearPattern | null;
}

/** Compiled patterns, shared by every scan of the process: compiling costs more than matching. */
const compiled = new LRUCache<string, Compiled>({ max: 1000 });

export interface KeyMatchOptions {
  caseSensitive: boolean;
  matchWholeWords: boolean;
  /** Every key is a pattern, written bare (a CCv3 entry's `use_regex`). */
  regex?: boolean;
}

/** Scanned text, lower-cased (and split into code points) once for all the keys that look in it. */
export class Haystack {
  readonly text: string;
  #lower: string | null = null;
  #codePoints: number[] | null = null;

  constructor(text: string) {
    this.text = text;
  }

  get lower(): string {
    this.#lower ??= this.text.toLowerCase();
    return this.#lower;
  }

  get codePoints(): readonly number[] {
    this.#codePoints ??= Array.from(this.text, (c) => c.codePointAt(0)!);
    return this.#codePoints;
  }
}

export function keyMatches(haystack: string | Haystack, key: string, options: KeyMatchOptions): boolean {
  const scanned = typeof haystack === "string" ? new Haystack(haystack) : haystack;
  let pattern = compilePattern(key);
  if (pattern === undefined && options.regex)
    pattern = compilePattern(`/${key}/${options.caseSensitive ? "" : "i"}`) ?? null;
  if (pattern !== undefined) return pattern?.test(scanned.codePoints) ?? false;
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
export function compilePattern(key: string): LinearPattern | null | undefined {
  const parts = PATTERN_KEY.exec(key);
  if (!parts || !/^[dgimsuyv]*$/.test(parts[2]!)) return undefined;
  const cached = compiled.get(key);
  if (cached) return cached.pattern;
  const flags = parts[2]!;
  let pattern: LinearPattern | null;
  try {
    pattern = new LinearPattern(parts[1]!, {
      ignoreCase: flags.includes("i"),
      multiline: flags.includes("m"),
      dotAll: flags.includes("s"),
    });
  } catch {
    pattern = null;
  }
  compiled.set(key, { pattern });
  return pattern;
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
