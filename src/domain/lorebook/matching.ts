import {
  type ActivatedEntry,
  type LorebookToMatch,
  type MatchOptions,
  matchBook,
  type ScannedMessage,
} from "./bookMatching.ts";
import { ScanWork } from "./scanWork.ts";

export type { ActivationReason } from "./activation.ts";
export type { ActivatedEntry, LorebookToMatch, MatchOptions, ScannedMessage } from "./bookMatching.ts";

export interface LorebookMatch {
  /** In prompt order: insertion order, then book order, then entry order. */
  entries: ActivatedEntry[];
  /** Entries that matched but did not fit their book's budget. */
  overBudget: { lorebookId: string; entryId: string }[];
  tokens: number;
  /**
   * Keys that matched nothing because running them cost more than a key may, or came after the
   * scan had spent its work limit (`ScanWork`): what a costly book did not get to read.
   */
  keysGivenUp: number;
  /** Whether the scan spent its whole work limit, so later keys matched nothing. */
  workExhausted: boolean;
}

/**
 * The entries of each book that enter the prompt for these messages (oldest first, the active
 * path). Each book is scanned on its own, within its own budget: when the budget runs out the
 * lowest priority goes first (priority, else insertion order) and scanning of that book stops.
 * All the books share one bound on the work their keys may cost (`ScanWork`).
 */
export function matchLorebooks(
  books: readonly LorebookToMatch[],
  messages: readonly ScannedMessage[],
  options: MatchOptions,
): LorebookMatch {
  const activated: (ActivatedEntry & { bookIndex: number; entryIndex: number })[] = [];
  const overBudget: LorebookMatch["overBudget"] = [];
  const work = new ScanWork();
  books.forEach((book, bookIndex) => {
    const result = matchBook(book, messages, options, work);
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
    keysGivenUp: work.keysGivenUp,
    workExhausted: work.exhausted,
  };
}
