import type { MacroNames } from "../shared/macros.ts";
import { resolveMacros } from "../shared/macros.ts";
import type { ActivationReason } from "./activation.ts";
import { activation, type Candidate, candidateOf, mentionsAnyKey, probabilityOf } from "./activation.ts";
import { Haystack } from "./keyMatching.ts";
import type { LorePlacement } from "./placement.ts";
import { placementOf } from "./placement.ts";
import type { ScanWork } from "./scanWork.ts";
import type { EntryPosition, LorebookEntry, LorebookSettings } from "./schemas.ts";

/** SillyTavern's default: the last two messages. */
export const DEFAULT_SCAN_DEPTH = 2;
export const DEFAULT_TOKEN_BUDGET = 1024;
/** Rounds of entries triggering entries; a fixed bound, so a cycle of books cannot run away. */
export const MAX_RECURSION_DEPTH = 3;
/** The newest characters of the messages, and of the recursion text, that a scan reads. */
export const MAX_SCAN_CHARS = 20_000;

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
  /**
   * A number from 0 up to 100 for an entry with a trigger chance; it enters when the roll is below
   * its chance. Without it only a chance of 0 keeps an entry out.
   */
  roll?: (lorebookId: string, entryId: string) => number;
  /** Messages the agent has written in the conversation, for `@@activate_only_after`/`_every`. */
  assistantMessages?: number;
}

export interface ActivatedEntry {
  lorebookId: string;
  entryId: string;
  /** With decorators removed and macros resolved: what goes into the prompt. */
  content: string;
  position: EntryPosition;
  /** Beside the character (`position`), or among the messages at a depth, as a role. */
  placement: LorePlacement;
  insertionOrder: number;
  tokens: number;
  reason: ActivationReason;
}

/**
 * One book's entries for these messages, scanned in rounds while entries trigger entries, kept
 * highest priority first within the book's budget.
 */
export function matchBook(
  book: LorebookToMatch,
  messages: readonly ScannedMessage[],
  options: MatchOptions,
  work: ScanWork,
): { kept: (ActivatedEntry & { entryIndex: number })[]; dropped: string[] } {
  const resolve = (text: string) => (options.macros ? resolveMacros(text, options.macros) : text);
  const candidates = rankForBudget(
    book.entries.flatMap((entry, index) => candidateOf(entry, index, resolve)),
  );
  const lines = messages.map((m) => resolve(options.includeNames ? `${m.speaker}: ${m.text}` : m.text));
  const bookDepth = book.settings.scanDepth ?? options.defaultScanDepth ?? DEFAULT_SCAN_DEPTH;
  const budget = book.settings.tokenBudget ?? options.defaultTokenBudget ?? DEFAULT_TOKEN_BUDGET;
  const kept: (ActivatedEntry & { entryIndex: number })[] = [];
  const dropped: string[] = [];
  const done = new Set<Candidate>();
  const recursion: string[] = [];
  /** What the last round added, which alone can change an entry's outcome in the next. */
  let latest: Haystack | null = null;
  let used = 0;
  for (let round = 0; round <= MAX_RECURSION_DEPTH; round++) {
    const found: { candidate: Candidate; reason: ActivationReason }[] = [];
    const haystacks = new Map<number, Haystack>();
    const scannedAt = (depth: number) => {
      let haystack = haystacks.get(depth);
      if (!haystack) {
        const recent = (depth > 0 ? lines.slice(-depth) : []).join("\n").slice(-MAX_SCAN_CHARS);
        haystack = new Haystack(
          [recent, recursion.join("\n").slice(-MAX_SCAN_CHARS)].filter(Boolean).join("\n"),
        );
        haystacks.set(depth, haystack);
      }
      return haystack;
    };
    for (const candidate of candidates) {
      if (done.has(candidate)) continue;
      if (round > 0 && candidate.entry.excludeRecursion) continue;
      if (latest && !mentionsAnyKey(candidate, latest, work)) continue;
      const depth = candidate.decorators.scanDepth ?? candidate.entry.scanDepth ?? bookDepth;
      const reason = activation(candidate, round, scannedAt(depth), options.assistantMessages, work);
      if (!reason) continue;
      if (!passesChance(candidate, book.lorebookId, options)) {
        done.add(candidate);
        continue;
      }
      found.push({ candidate, reason });
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
      const { entryId, insertionOrder } = candidate.entry;
      const placement = placementOf(candidate.entry, candidate.decorators);
      kept.push({
        lorebookId: book.lorebookId,
        entryId,
        content: candidate.content,
        position: placement.at === "character" ? placement.position : candidate.entry.position,
        placement,
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
    latest = new Haystack(triggers.join("\n"));
  }
  return { kept, dropped };
}

function passesChance(candidate: Candidate, lorebookId: string, options: MatchOptions): boolean {
  const chance = probabilityOf(candidate.entry);
  if (chance >= 100) return true;
  if (chance <= 0) return false;
  return options.roll ? options.roll(lorebookId, candidate.entry.entryId) < chance : true;
}

/** Highest priority first: the entry's priority, else its insertion order; ties keep book order. */
function rankForBudget(candidates: Candidate[]): Candidate[] {
  const weight = (c: Candidate) => c.entry.priority ?? c.entry.insertionOrder;
  return candidates.toSorted(
    (a, b) => weight(b) - weight(a) || b.entry.insertionOrder - a.entry.insertionOrder || a.index - b.index,
  );
}
