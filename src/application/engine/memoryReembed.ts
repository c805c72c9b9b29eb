import { conversationDecider } from "../../domain/conversation/decider.ts";
import type { ConversationEvent } from "../../domain/conversation/events.ts";
import { withdrawnSummaryIds } from "../../domain/conversation/summaryWithdrawal.ts";
import { conversationPerson, streamUser } from "../../domain/personalData.ts";
import type { Embedder } from "../../ports/embedder.ts";
import { type Position, START } from "../../ports/eventStore.ts";
import { memoryNamespace, type VectorIndex } from "../../ports/vectorIndex.ts";
import type { EventLog } from "../eventLog.ts";
import { indexFact, indexMemories, summaryMemories } from "./memoryIndexer.ts";

const PAGE = 1_000;
const MEMORY_EVENTS = new Set([
  "MemorySummarized",
  "MemoryFactRecorded",
  "MemoryFactCorrected",
  "MemoryFactForgotten",
  "MemorySummariesWithdrawn",
]);

export interface ReembedRun {
  events: EventLog;
  /** The configured embedder, and the empty index beside the live one that it fills. */
  embedder: Embedder;
  target: VectorIndex;
  signal?: AbortSignal;
  /** Only conversations with memory events after this position (a catch-up after a switch). */
  after?: Position;
  /**
   * For a catch-up: the namespaces an earlier pass wrote into the target, by person. A person
   * erased since that pass read the log was erased from the index the pass did not write to, so
   * their namespaces here are deleted.
   */
  earlier?: ReembedReport["written"];
  onProgress?(progress: { done: number; total: number }): void;
}

/**
 * Builds long-term memory's whole vector index again from the log: every conversation's facts as
 * they stand (forgotten ones left out, corrected ones in their new words) and its summaries not
 * withdrawn. A
 * person erased since has nothing indexed again: their facts would come back as erased text
 * under their ids.
 */
export interface ReembedReport {
  conversations: number;
  facts: number;
  /** The namespaces written, by the person they belong to. */
  written: ReadonlyMap<string, ReadonlySet<string>>;
}

export async function reembedMemory(run: ReembedRun): Promise<ReembedReport> {
  const { streams, erased } = await conversationsWithMemory(run.events, run.after ?? START, run.signal);
  for (const person of erased)
    for (const namespace of run.earlier?.get(person) ?? []) await run.target.deleteNamespace(namespace);
  const written = new Map<string, Set<string>>();
  let facts = 0;
  run.onProgress?.({ done: 0, total: streams.length });
  for (const [done, streamId] of streams.entries()) {
    run.signal?.throwIfAborted();
    const events = await run.events.readStream(streamId);
    const state = events.reduce(
      (folded, event) => conversationDecider.evolve(folded, event as ConversationEvent),
      conversationDecider.initialState(),
    );
    if (state.userId && state.agentId) {
      const namespace = memoryNamespace(state.userId, state.agentId);
      written.set(state.userId, (written.get(state.userId) ?? new Set()).add(namespace));
      const deps = { embedder: run.embedder, vectorIndex: run.target };
      for (const [factId, fact] of state.memoryFacts) {
        if (fact.forgotten) continue;
        await indexFact(deps, namespace, state, factId, run.signal);
        facts++;
      }
      const withdrawn = withdrawnSummaryIds(state);
      for (const event of events)
        if (event.type === "MemorySummarized" && !withdrawn.has(event.data.summaryId))
          await indexMemories(
            deps,
            namespace,
            await summaryMemories(run, event, async () => state),
            run.signal,
          );
    }
    run.onProgress?.({ done: done + 1, total: streams.length });
  }
  return { conversations: streams.length, facts, written };
}

async function conversationsWithMemory(
  events: EventLog,
  from: Position,
  signal?: AbortSignal,
): Promise<{ streams: string[]; erased: ReadonlySet<string> }> {
  const found = new Set<string>();
  const erased = new Set<string>();
  let after = from;
  for (;;) {
    signal?.throwIfAborted();
    const page = await events.store.readAll({ after, maxCount: PAGE });
    for (const event of page) {
      if (MEMORY_EVENTS.has(event.type)) found.add(event.streamId);
      else if (event.type === "PersonErased") erased.add(streamUser(event.streamId) ?? "");
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.position;
  }
  const streams = [...found].filter((streamId) => !erased.has(conversationPerson(streamId) ?? ""));
  return { streams, erased };
}
