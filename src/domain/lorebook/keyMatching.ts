import { LRUCache } from "lru-cache";
import { LinearPattern, MAX_PROGRAM } from "./linearPattern.ts";
import type { ScanWork } from "./scanWork.ts";

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

/** Steps one occurrence of a whole-word key costs when its neighbours are not boundaries. */
const WORD_HIT_STEPS = 4;

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

/**
 * Whether `key` appears in the text. With `work`, what matching costs is counted against the
 * scan's allowance: once it is spent, or when one pattern needs more than a key may take, the key
 * matches nothing.
 */
export function keyMatches(
  haystack: string | Haystack,
  key: string,
  options: KeyMatchOptions,
  work?: ScanWork,
): boolean {
  if (work?.exhausted) {
    work.gaveUp();
    return false;
  }
  const scanned = typeof haystack === "string" ? new Haystack(haystack) : haystack;
  let pattern = compilePattern(key, work);
  if (pattern === undefined && options.regex)
    pattern = compilePattern(`/${key}/${options.caseSensitive ? "" : "i"}`, work) ?? null;
  if (pattern !== undefined) return pattern !== null && runPattern(pattern, scanned, work);
  const text = options.caseSensitive ? scanned.text : scanned.lower;
  const needle = options.caseSensitive ? key : key.toLowerCase();
  if (needle.length === 0) return false;
  work?.spendOnSubstring(text.length);
  if (!options.matchWholeWords || /\s/.test(needle)) return text.includes(needle);
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (isBoundary(text, at, true) && isBoundary(text, at + needle.length, false)) return true;
    if (work) {
      work.spend(WORD_HIT_STEPS);
      if (work.exhausted) {
        work.gaveUp();
        return false;
      }
    }
  }
  return false;
}

function runPattern(pattern: LinearPattern, scanned: Haystack, work: ScanWork | undefined): boolean {
  if (!work) return pattern.test(scanned.codePoints);
  const run = pattern.run(scanned.codePoints, work.allowance());
  work.spend(run.steps);
  if (!run.finished) work.gaveUp();
  return run.matched;
}

/** Undefined when the key is not a pattern; null when it is one withme will not run. */
export function compilePattern(key: string, work?: ScanWork): LinearPattern | null | undefined {
  const parts = PATTERN_KEY.exec(key);
  if (!parts || !/^[dgimsuyv]*$/.test(parts[2]!)) return undefined;
  let cached = compiled.get(key);
  if (!cached) {
    cached = { pattern: compile(parts[1]!, parts[2]!) };
    compiled.set(key, cached);
  }
  // Charged whether or not the cache held it, so a scan costs the same in any process. A refused
  // pattern may have been parsed up to the size limit before it was refused.
  work?.spendOnCompiling(cached.pattern?.size ?? MAX_PROGRAM);
  return cached.pattern;
}

function compile(source: string, flags: string): LinearPattern | null {
  try {
    return new LinearPattern(source, {
      ignoreCase: flags.includes("i"),
      multiline: flags.includes("m"),
      dotAll: flags.includes("s"),
    });
  } catch {
    return null;
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
