import { memoryNamespace, type VectorMatch } from "../../ports/vectorIndex.ts";
import { type MemoryCandidate, type RankedMemory, rankMemories } from "../memory/memoryRanking.ts";
import { readMemoryRecord } from "../memory/memoryRecords.ts";
import { intentOf } from "../memory/queryIntent.ts";
import type { EngineDependencies } from "./engineDependencies.ts";

export type RetrievedMemory = RankedMemory;

export interface MemoryQuery {
  userId: string;
  agentId: string;
  /** The message being answered: its text is the query, and nothing drawn from it is recalled. */
  message: { messageId: string; text: string; revision: number | null };
  /** What the prompt already shows word for word (the recent messages). */
  recentTexts: readonly string[];
  /** Awaited only to rank what the search found: the search does not wait for the person's state. */
  personName: string | Promise<string>;
  /**
   * The visible messages on the path being answered: a record drawn from any other message (another
   * branch, a hidden message) is not recalled. Absent: every record counts.
   */
  onPath?: { has(id: string): boolean };
}

/**
 * Starts getting the person's memories with the agent ready to search (an index that checks and
 * loads them does it now), while the turn's other reads are under way; never fails.
 */
export function warmUpMemories(
  deps: Pick<EngineDependencies, "vectorIndex" | "settings">,
  userId: string,
  agentId: string,
): void {
  if (!deps.vectorIndex.warmUp) return;
  try {
    const namespace = memoryNamespace(userId, agentId);
    void deps.vectorIndex.warmUp(namespace, { freshWithinMs: deps.settings.contextFreshMs }).catch(() => {});
  } catch {
    // A name the index refuses is reported by the search itself.
  }
}

/** How many nearest records each search brings back, per memory the prompt will show. */
const CANDIDATES_PER_SLOT = 4;

/**
 * Long-term memory for a turn: the facts and summaries nearest to what the person just said, plus
 * the facts of the kind they ask about ("What do I do for a living?" → work), ranked, without
 * near-duplicates and without anything drawn from the message being answered.
 */
export async function retrieveMemories(
  deps: Pick<EngineDependencies, "embedder" | "vectorIndex" | "settings" | "logger">,
  input: MemoryQuery,
  signal?: AbortSignal,
): Promise<RetrievedMemory[]> {
  try {
    const intent = intentOf(input.message.text);
    const texts = intent.kinds.length > 0 ? [input.message.text, intent.expanded] : [input.message.text];
    const [plain, expanded] = await deps.embedder.embed(texts, signal);
    if (!plain || plain.every((value) => value === 0)) return [];
    const namespace = memoryNamespace(input.userId, input.agentId);
    const topK = deps.settings.memoryTopK * CANDIDATES_PER_SLOT;
    const freshWithinMs = deps.settings.contextFreshMs;
    const searches: Promise<VectorMatch[]>[] = [
      deps.vectorIndex.query(namespace, { vector: plain, topK, freshWithinMs }),
    ];
    if (expanded?.some((value) => value !== 0))
      searches.push(
        deps.vectorIndex.query(namespace, {
          vector: expanded,
          topK,
          filter: { factKinds: { $in: [...intent.kinds] } },
        }),
      );
    const candidates: MemoryCandidate[] = (await Promise.all(searches)).flat().flatMap((match) => {
      const record = readMemoryRecord(match.id, match.metadata);
      return record ? [{ record, score: match.score }] : [];
    });
    return rankMemories({
      candidates,
      recallable: (record) => onPath(record.sourceMessageIds, input.onPath),
      intentKinds: intent.kinds,
      answered: input.message,
      recentTexts: input.recentTexts,
      personName: await input.personName,
      topK: deps.settings.memoryTopK,
      minScore: deps.settings.memoryMinScore,
    });
  } catch (error) {
    // A reply without long-term memory beats no reply at all.
    deps.logger.warn({ err: error }, "memory retrieval failed; replying without it");
    return [];
  }
}

function onPath(sources: readonly string[], path: { has(id: string): boolean } | undefined): boolean {
  return path === undefined || sources.every((id) => path.has(id));
}
