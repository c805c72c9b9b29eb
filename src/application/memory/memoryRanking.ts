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

export function rankMemories(input: RankingInput): RankedMemory[] {
  const texts = new MemoryTexts(input.personName);
  const asked = new Set(input.intentKinds);
  const shown = new Set([input.answered.text, ...input.recentTexts].map(normalise));
  const best = new Map<
    string,
    { record: MemoryRecord; score: number; boosted: number; intentOnly: boolean }
  >();
  for (const { record, score } of input.candidates) {
    if (fromThisTurnOrLater(record, input.answered)) continue;
    const isFact = record.kind === "fact";
    const matchesIntent = isFact && record.factKind !== null && asked.has(record.factKind);
    const touchesIntent = isFact && record.relatedKinds.some((kind) => asked.has(kind));
    const relevant = score >= input.minScore;
    if (!relevant && !matchesIntent && !touchesIntent) continue;
    const bonus = matchesIntent ? INTENT_BONUS : touchesIntent ? RELATED_INTENT_BONUS : 0;
    const boosted = score + (isFact ? FACT_BONUS : 0) + bonus;
    const previous = best.get(record.id);
    if (!previous || previous.boosted < boosted)
      best.set(record.id, { record, score, boosted, intentOnly: !relevant && !previous });
  }
  const ordered = [...best.values()].sort((a, b) => b.boosted - a.boosted || b.record.atMs - a.record.atMs);
  const kept: { record: MemoryRecord; boosted: number; intentOnly: boolean }[] = [];
  for (const candidate of ordered) {
    const text = candidate.record.text;
    if (shown.has(normalise(text)) || texts.covers(input.answered.text, text)) continue;
    const twin = kept.findIndex((k) => texts.nearDuplicate(k.record.text, text));
    if (twin === -1) {
      kept.push(candidate);
      continue;
    }
    const existing = kept[twin]!;
    const replaces =
      existing.record.kind === candidate.record.kind
        ? candidate.record.atMs > existing.record.atMs
        : candidate.record.kind === "fact";
    if (replaces) kept[twin] = { ...candidate, boosted: existing.boosted, intentOnly: existing.intentOnly };
  }
  let intentOnly = 0;
  const facts = kept.filter(
    (k) => k.record.kind === "fact" && (!k.intentOnly || ++intentOnly <= MAX_INTENT_ONLY),
  );
  const summaries = kept.filter((k) => k.record.kind === "summary");
  const lowestFact = Math.min(...facts.map((f) => f.boosted));
  return [...facts, ...summaries].slice(0, input.topK).map(({ record, boosted }) => ({
    id: record.id,
    text: record.text,
    score: record.kind === "summary" && facts.length > 0 ? Math.min(boosted, lowestFact - 0.001) : boosted,
    kind: record.kind,
    factKind: record.factKind,
    at: record.at,
    sourceMessageIds: record.sourceMessageIds,
  }));
}

function fromThisTurnOrLater(record: MemoryRecord, answered: RankingInput["answered"]): boolean {
  if (record.sourceMessageIds.includes(answered.messageId)) return true;
  return answered.revision !== null && record.toRevision >= answered.revision;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}
