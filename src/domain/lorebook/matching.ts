import { assertNever } from "../shared/decider.ts";
import { type MacroNames, resolveMacros } from "../shared/macros.ts";
import { type Decorator, parseDecorators } from "./decorators.ts";
import { keyMatches, type PatternCache } from "./keyMatching.ts";
import type { EntryPosition, LorebookEntry, LorebookSettings } from "./schemas.ts";

/** SillyTavern's default: the last two messages. */
export const DEFAULT_SCAN_DEPTH = 2;
export const DEFAULT_TOKEN_BUDGET = 1024;
/** Rounds of entries triggering entries; a fixed bound, so a cycle of books cannot run away. */
export const MAX_RECURSION_DEPTH = 3;

export interface ScannedMessage {
  /** Who said it, for `includeNames`. */
  speaker: string;
  text: string;
}

export interface LorebookToMatch {
  lorebookId: string;
  settings: LorebookSettings;
  entries: readonly LorebookEntry[];
}

export interface MatchOptions {
  /** Tokens a text costs in the prompt (the prompt builder's own estimate). */
  countTokens: (text: string) => number;
  /** Resolves `{{char}}`/`{{user}}` in keys and content when given. */
  macros?: MacroNames;
  defaultScanDepth?: number;
  defaultTokenBudget?: number;
  /** Scan "Speaker: text" rather than the text alone (SillyTavern's "include names"). */
  includeNames?: boolean;
}

export type ActivationReason = "constant" | "keyword" | "recursion" | "decorator";

export interface ActivatedEntry {
  lorebookId: string;
  entryId: string;
  /** With decorators removed and macros resolved: what goes into the prompt. */
  content: string;
  position: EntryPosition;
  insertionOrder: number;
  tokens: number;
  reason: ActivationReason;
}

export interface LorebookMatch {
  /** In prompt order: insertion order, then book order, then entry order. */
  entries: ActivatedEntry[];
  /** Entries that matched but did not fit their book's budget. */
  overBudget: { lorebookId: string; entryId: string }[];
  tokens: number;
}

interface Candidate {
  entry: LorebookEntry;
  index: number;
  content: string;
  keys: string[];
  secondaryKeys: string[];
  decorator: Decorator;
}

/**
 * The entries of each book that enter the prompt for these messages (oldest first, the active
 * path). Each book is scanned on its own, within its own budget: when the budget runs out the
 * lowest priority goes first (priority, else insertion order) and scanning of that book stops.
 */
export function matchLorebooks(
  books: readonly LorebookToMatch[],
  messages: readonly ScannedMessage[],
  options: MatchOptions,
): LorebookMatch {
  const activated: (ActivatedEntry & { bookIndex: number; entryIndex: number })[] = [];
  const overBudget: LorebookMatch["overBudget"] = [];
  const patterns: PatternCache = new Map();
  books.forEach((book, bookIndex) => {
    const result = matchBook(book, messages, options, patterns);
    activated.push(...result.kept.map((a) => ({ ...a, bookIndex })));
    overBudget.push(...result.dropped.map((entryId) => ({ lorebookId: book.lorebookId, entryId })));
  });
  activated.sort(
    (a, b) => a.insertionOrder - b.insertionOrder || a.bookIndex - b.bookIndex || a.entryIndex - b.entryIndex,
  );
  return {
    entries: activated.map(({ bookIndex: _, entryIndex: __, ...entry }) => entry),
    overBudget,
    tokens: activated.reduce((sum, a) => sum + a.tokens, 0),
  };
}

function matchBook(
  book: LorebookToMatch,
  messages: readonly ScannedMessage[],
  options: MatchOptions,
  patterns: PatternCache,
): { kept: (ActivatedEntry & { entryIndex: number })[]; dropped: string[] } {
  const resolve = (text: string) => (options.macros ? resolveMacros(text, options.macros) : text);
  const candidates = rankForBudget(
    book.entries.flatMap((entry, index): Candidate[] => {
      if (!entry.enabled) return [];
      const { decorator, content } = parseDecorators(entry.content);
      const resolved = resolve(content).trim();
      if (resolved.length === 0) return [];
      const keys = entry.keys.map(resolve).filter((k) => k.trim().length > 0);
      const secondaryKeys = entry.secondaryKeys.map(resolve).filter((k) => k.trim().length > 0);
      return [{ entry, index, content: resolved, keys, secondaryKeys, decorator }];
    }),
  );
  const lines = messages.map((m) => resolve(options.includeNames ? `${m.speaker}: ${m.text}` : m.text));
  const bookDepth = book.settings.scanDepth ?? options.defaultScanDepth ?? DEFAULT_SCAN_DEPTH;
  const budget = book.settings.tokenBudget ?? options.defaultTokenBudget ?? DEFAULT_TOKEN_BUDGET;
  const kept: (ActivatedEntry & { entryIndex: number })[] = [];
  const dropped: string[] = [];
  const done = new Set<Candidate>();
  const recursion: string[] = [];
  let used = 0;
  for (let round = 0; round <= MAX_RECURSION_DEPTH; round++) {
    const found: { candidate: Candidate; reason: ActivationReason }[] = [];
    for (const candidate of candidates) {
      if (done.has(candidate)) continue;
      if (round > 0 && candidate.entry.excludeRecursion) continue;
      const reason = activation(candidate, round, lines, bookDepth, recursion, patterns);
      if (reason) found.push({ candidate, reason });
    }
    const added: Candidate[] = [];
    let overflowed = false;
    for (const { candidate, reason } of found) {
      done.add(candidate);
      const tokens = options.countTokens(candidate.content);
      if (overflowed || used + tokens > budget) {
        overflowed = true;
        dropped.push(candidate.entry.entryId);
        continue;
      }
      used += tokens;
      added.push(candidate);
      const { entryId, position, insertionOrder } = candidate.entry;
      kept.push({
        lorebookId: book.lorebookId,
        entryId,
        content: candidate.content,
        position,
        insertionOrder,
        tokens,
        reason,
        entryIndex: candidate.index,
      });
    }
    if (overflowed || !book.settings.recursiveScanning) break;
    const triggers = added.filter((c) => !c.entry.preventRecursion).map((c) => c.content);
    if (triggers.length === 0) break;
    recursion.push(...triggers);
  }
  return { kept, dropped };
}

function activation(
  candidate: Candidate,
  round: number,
  lines: readonly string[],
  bookDepth: number,
  recursion: readonly string[],
  patterns: PatternCache,
): ActivationReason | null {
  const { entry, decorator } = candidate;
  if (decorator === "activate") return "decorator";
  if (decorator === "dontActivate") return null;
  if (entry.constant) return "constant";
  if (candidate.keys.length === 0) return null;
  const depth = entry.scanDepth ?? bookDepth;
  const scanned = [...(depth > 0 ? lines.slice(-depth) : []), ...recursion].join("\n");
  const keyOptions = {
    caseSensitive: entry.caseSensitive ?? false,
    matchWholeWords: entry.matchWholeWords ?? false,
  };
  const found = (key: string) => keyMatches(scanned, key.trim(), keyOptions, patterns);
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

/** Highest priority first: the entry's priority, else its insertion order; ties keep book order. */
function rankForBudget(candidates: Candidate[]): Candidate[] {
  const weight = (c: Candidate) => c.entry.priority ?? c.entry.insertionOrder;
  return candidates.toSorted(
    (a, b) => weight(b) - weight(a) || b.entry.insertionOrder - a.entry.insertionOrder || a.index - b.index,
  );
}
