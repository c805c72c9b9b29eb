import { assertNever } from "../shared/decider.ts";
import { type EntryDecorators, parseDecorators } from "./decorators.ts";
import { type Haystack, type KeyMatchOptions, keyMatches } from "./keyMatching.ts";
import type { ScanWork } from "./scanWork.ts";
import type { LorebookEntry } from "./schemas.ts";

export type ActivationReason = "constant" | "keyword" | "recursion" | "decorator";

/** An enabled entry with content, its keys and content with macros resolved. */
export interface Candidate {
  entry: LorebookEntry;
  index: number;
  content: string;
  keys: string[];
  secondaryKeys: string[];
  decorators: EntryDecorators;
}

/**
 * The entry ready to match: decorators read out of its content, macros resolved (`resolve`) in
 * content and keys, blank keys dropped. None for a disabled entry or one with no content left.
 */
export function candidateOf(
  entry: LorebookEntry,
  index: number,
  resolve: (text: string) => string,
): Candidate[] {
  if (!entry.enabled) return [];
  const { decorators, content } = parseDecorators(entry.content);
  const resolved = resolve(content).trim();
  if (resolved.length === 0) return [];
  const resolvedKeys = (keys: readonly string[]) => keys.map(resolve).filter((k) => k.trim().length > 0);
  return [
    {
      entry,
      index,
      content: resolved,
      keys: resolvedKeys(entry.keys),
      secondaryKeys: resolvedKeys(entry.secondaryKeys),
      decorators: {
        ...decorators,
        additionalKeys: resolvedKeys(decorators.additionalKeys),
        excludeKeys: resolvedKeys(decorators.excludeKeys),
      },
    },
  ];
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
export function mentionsAnyKey(candidate: Candidate, text: Haystack, work?: ScanWork): boolean {
  const options = keyOptions(candidate.entry);
  return [...candidate.keys, ...candidate.secondaryKeys, ...candidate.decorators.additionalKeys].some((key) =>
    keyMatches(text, key.trim(), options, work),
  );
}

/**
 * Why the entry enters the prompt, or null. `assistantMessages` is how many messages the agent
 * has written in the conversation; without it `@@activate_only_after`/`_every` are ignored.
 * `work` bounds what matching the keys may cost (see `ScanWork`).
 */
export function activation(
  candidate: Candidate,
  round: number,
  scanned: Haystack,
  assistantMessages?: number,
  work?: ScanWork,
): ActivationReason | null {
  const { entry, decorators } = candidate;
  if (decorators.activate) return "decorator";
  if (decorators.dontActivate) return null;
  if (!decoratorConditionsMet(candidate, scanned, assistantMessages, work)) return null;
  if (entry.constant) return "constant";
  if (candidate.keys.length === 0) return null;
  const options = keyOptions(entry);
  const found = (key: string) => keyMatches(scanned, key.trim(), options, work);
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

/** `@@activate_only_after`, `@@activate_only_every`, `@@additional_keys` and `@@exclude_keys`. */
function decoratorConditionsMet(
  candidate: Candidate,
  scanned: Haystack,
  assistantMessages?: number,
  work?: ScanWork,
): boolean {
  const { decorators } = candidate;
  if (assistantMessages !== undefined) {
    if (decorators.activateOnlyAfter !== null && assistantMessages < decorators.activateOnlyAfter)
      return false;
    if (decorators.activateOnlyEvery !== null && assistantMessages % decorators.activateOnlyEvery !== 0)
      return false;
  }
  const options = keyOptions(candidate.entry);
  const found = (key: string) => keyMatches(scanned, key, options, work);
  if (decorators.additionalKeys.length > 0 && !decorators.additionalKeys.some(found)) return false;
  // Excluded words are read as the entry's keys are: patterns in an entry with use_regex.
  if (decorators.excludeKeys.some(found)) return false;
  return true;
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
