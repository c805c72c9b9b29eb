import type { FactKind } from "./factKinds.ts";
import type { MemoryRecord } from "./memoryRecords.ts";
import { MemoryTexts } from "./memorySimilarity.ts";

/**
 * From the index's nearest records to the few memories a turn's prompt shows: the current turn
 * left out, near-duplicates collapsed (newest wording wins; a summary that repeats a fact gives
 * way to the fact), facts of the kind the message asks about boosted, and facts above summaries.
 */
export interface MemoryCandidate {
  record: MemoryRecord;
  /** Cosine similarity to the message (or to its intent-expanded form). */
  score: number;
}

export interface RankedMemory {
  id: string;
  text: string;
  /** Higher is more relevant; facts always score above summaries. */
  score: number;
  kind: MemoryRecord["kind"];
  factKind: FactKind | null;
  at: string;
  sourceMessageIds: string[];
}

export interface RankingInput {
  candidates: readonly MemoryCandidate[];
  intentKinds: readonly FactKind[];
  /** The message being answered: nothing drawn from it (or from later) is recalled for it. */
  answered: { messageId: string; revision: number | null; text: string };
  /**
   * What the prompt already shows word for word. A memory that only repeats one of these is left
   * out; a fact distilled from one stays, as a plain statement of it.
   */
  recentTexts: readonly string[];
  personName: string;
  topK: number;
  minScore: number;
  /**
   * Whether a record may be recalled at all (one drawn from another branch may not): asked only of
   * the candidates that score, as it costs more than scoring.
   */
  recallable?: (record: MemoryRecord) => boolean;
}

const FACT_BONUS = 0.05;
const INTENT_BONUS = 0.25;
const RELATED_INTENT_BONUS = 0.1;
/**
 * Facts of the asked-about kind that count although they are not similar enough on their own:
 * "What's my line of work?" shares no word with "Priya is a software engineer", yet the best
 * work facts answer it.
 */
const MAX_INTENT_ONLY = 3;

/** Facts of the asked kind first, then facts touching it, other facts, and summaries last. */
type Tier = 0 | 1 | 2 | 3;

interface Scored {
  record: MemoryRecord;
  boosted: number;
  tier: Tier;
  intentOnly: boolean;
}

export function rankMemories(input: RankingInput): RankedMemory[] {
  const texts = new MemoryTexts(input.personName);
  const shown = new Set([input.answered.text, ...input.recentTexts].map(normalise));
  const best = new Map<string, Scored>();
  for (const candidate of input.candidates) {
    const scored = score(candidate, input);
    if (!scored || shown.has(normalise(scored.record.text))) continue;
    if (input.recallable && !input.recallable(scored.record)) continue;
    const previous = best.get(scored.record.id);
    if (!previous || previous.boosted < scored.boosted)
      best.set(scored.record.id, {
        ...scored,
        intentOnly: scored.intentOnly && (previous?.intentOnly ?? true),
      });
  }
  const ordered = [...best.values()].sort(
    (a, b) => a.tier - b.tier || b.boosted - a.boosted || b.record.atMs - a.record.atMs,
  );
  const kept: Scored[] = [];
  for (const candidate of ordered) {
    const text = candidate.record.text;
    if (texts.covers(input.answered.text, text)) continue;
    const twin = kept.findIndex((k) => texts.nearDuplicate(k.record.text, text));
    if (twin === -1) {
      kept.push(candidate);
      continue;
    }
    // The twin ranks where the better of the two ranked; its wording is the newest fact's.
    const existing = kept[twin]!;
    const replaces =
      existing.record.kind === candidate.record.kind
        ? candidate.record.atMs > existing.record.atMs
        : candidate.record.kind === "fact";
    if (replaces) kept[twin] = { ...existing, record: candidate.record };
  }
  let intentOnly = 0;
  let previous = Number.POSITIVE_INFINITY;
  return kept
    .filter((k) => !k.intentOnly || ++intentOnly <= MAX_INTENT_ONLY)
    .slice(0, input.topK)
    .map(({ record, boosted }) => {
      // Scores fall in the order shown, so a budget that trims the weakest trims the last.
      previous = Math.min(boosted, previous - 0.001);
      return {
        id: record.id,
        text: record.text,
        score: previous,
        kind: record.kind,
        factKind: record.factKind,
        at: record.at,
        sourceMessageIds: record.sourceMessageIds,
      };
    });
}

function score({ record, score }: MemoryCandidate, input: RankingInput): Scored | null {
  if (fromThisTurnOrLater(record, input.answered)) return null;
  const asked = new Set(input.intentKinds);
  const isFact = record.kind === "fact";
  const matchesIntent = isFact && record.factKind !== null && asked.has(record.factKind);
  const touchesIntent = isFact && !matchesIntent && record.relatedKinds.some((kind) => asked.has(kind));
  const relevant = score >= input.minScore;
  if (!relevant && !matchesIntent && !touchesIntent) return null;
  const bonus = matchesIntent ? INTENT_BONUS : touchesIntent ? RELATED_INTENT_BONUS : 0;
  return {
    record,
    boosted: score + (isFact ? FACT_BONUS : 0) + bonus,
    tier: matchesIntent ? 0 : touchesIntent ? 1 : isFact ? 2 : 3,
    intentOnly: !relevant,
  };
}

function fromThisTurnOrLater(record: MemoryRecord, answered: RankingInput["answered"]): boolean {
  if (record.sourceMessageIds.includes(answered.messageId)) return true;
  return answered.revision !== null && record.toRevision >= answered.revision;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}
