import { assertNever } from "../shared/decider.ts";
import type { Decorator } from "./decorators.ts";
import { type Haystack, type KeyMatchOptions, keyMatches } from "./keyMatching.ts";
import type { LorebookEntry } from "./schemas.ts";

export type ActivationReason = "constant" | "keyword" | "recursion" | "decorator";

/** An enabled entry with content, its keys and content with macros resolved. */
export interface Candidate {
  entry: LorebookEntry;
  index: number;
  content: string;
  keys: string[];
  secondaryKeys: string[];
  decorator: Decorator;
}

const keyOptions = (entry: LorebookEntry): KeyMatchOptions => ({
  caseSensitive: entry.caseSensitive ?? false,
  matchWholeWords: entry.matchWholeWords ?? false,
  regex: entry.useRegex,
});

/**
 * Whether any of the entry's keys appears in `text`. An entry that failed against earlier text
 * can only succeed now if one of its keys appears in what was added (a primary key newly found,
 * or a secondary key an AND logic waited for), so later rounds check only entries that pass this.
 */
export function mentionsAnyKey(candidate: Candidate, text: Haystack): boolean {
  const options = keyOptions(candidate.entry);
  return [...candidate.keys, ...candidate.secondaryKeys].some((key) => keyMatches(text, key.trim(), options));
}

export function activation(candidate: Candidate, round: number, scanned: Haystack): ActivationReason | null {
  const { entry, decorator } = candidate;
  if (decorator === "activate") return "decorator";
  if (decorator === "dontActivate") return null;
  if (entry.constant) return "constant";
  if (candidate.keys.length === 0) return null;
  const options = keyOptions(entry);
  const found = (key: string) => keyMatches(scanned, key.trim(), options);
  if (!candidate.keys.some(found)) return null;
  const reason = round === 0 ? "keyword" : "recursion";
  if (!entry.selective || candidate.secondaryKeys.length === 0) return reason;
  const secondary = candidate.secondaryKeys.map(found);
  const logic = entry.selectiveLogic;
  switch (logic) {
    case "andAny":
      return secondary.some(Boolean) ? reason : null;
    case "notAll":
      return secondary.every(Boolean) ? null : reason;
    case "notAny":
      return secondary.some(Boolean) ? null : reason;
    case "andAll":
      return secondary.every(Boolean) ? reason : null;
    default:
      return assertNever(logic);
  }
}

/**
 * SillyTavern's "trigger %": the chance (0 to 100) that an entry whose keys matched enters the
 * prompt. It travels in the entry's extensions (`probability`, `useProbability`); 100 without them.
 */
export function probabilityOf(entry: LorebookEntry): number {
  const { probability, useProbability } = entry.extensions;
  if (useProbability === false || typeof probability !== "number" || !Number.isFinite(probability))
    return 100;
  return Math.min(100, Math.max(0, probability));
}
