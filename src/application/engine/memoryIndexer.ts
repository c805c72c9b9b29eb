import { type ConversationState, conversationDecider } from "../../domain/conversation/decider.ts";
import { withdrawnSummaryIds } from "../../domain/conversation/summaryWithdrawal.ts";
import { memoryNamespace, type VectorRecord } from "../../ports/vectorIndex.ts";
import type { StoredEventOf } from "../eventLog.ts";
import { factRecord, type MemoryRecord, memoryMetadata } from "../memory/memoryRecords.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { factVectorId, summaryVectorId } from "./memoryVectorIds.ts";
import { summarySources } from "./summarySources.ts";
import { unindexSummaries } from "./summaryWithdrawal.ts";

/** A memory ready to embed: its vector id and what is stored beside the vector. */
export interface IndexableMemory {
  id: string;
  record: Omit<MemoryRecord, "id">;
}

/**
 * The vector index as a projection of long-term memory: every remembered fact as it stands now
 * (recorded or corrected: embedded; forgotten: deleted at once), and every summary not withdrawn
 * (withdrawn: deleted). A fact event
 * is indexed from the conversation's current state, so handling events again, or late, converges
 * on what is remembered.
 */
export function memoryIndexReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-index",
    canHandle: [
      "MemorySummarized",
      "MemorySummariesWithdrawn",
      "MemoryFactRecorded",
      "MemoryFactCorrected",
      "MemoryFactForgotten",
    ],
    concurrency: 8,
    background: true,
    async handle(event, signal) {
      const { state } = await deps.commands.load(conversationDecider, event.streamId, {
        atLeastRevision: event.revision,
      });
      if (!state.userId || !state.agentId) return;
      const namespace = memoryNamespace(state.userId, state.agentId);
      if (event.type === "MemorySummariesWithdrawn") return unindexSummaries(deps, namespace, event);
      if (event.type === "MemorySummarized") {
        if (withdrawnSummaryIds(state).has(event.data.summaryId)) return;
        return indexMemories(
          deps,
          namespace,
          await summaryMemories(
            deps,
            event,
            async () =>
              (
                await deps.commands.load(conversationDecider, event.streamId, {
                  atLeastRevision: event.revision,
                })
              ).state,
          ),
          signal,
        );
      }
      await indexFact(deps, namespace, state, event.data.factId, signal);
    },
  });
}

/** Writes one fact as it is remembered now, or removes it when it is forgotten (or unknown). */
export async function indexFact(
  deps: Pick<EngineDependencies, "embedder" | "vectorIndex">,
  namespace: string,
  state: ConversationState,
  factId: string,
  signal?: AbortSignal,
): Promise<void> {
  const fact = state.memoryFacts.get(factId);
  if (!fact || fact.forgotten) return deps.vectorIndex.delete(namespace, [factVectorId(factId)]);
  const revisions = fact.sourceMessageIds.flatMap((id) => {
    const node = state.tree.nodes.get(id);
    return node ? [node.revision] : [];
  });
  const record = factRecord(fact, {
    messageIds: [...fact.sourceMessageIds],
    at: fact.recordedAt,
    revision: revisions.length > 0 ? Math.max(...revisions) : 0,
  });
  const fromRevision = revisions.length > 0 ? Math.min(...revisions) : record.fromRevision;
  await indexMemories(
    deps,
    namespace,
    [{ id: factVectorId(factId), record: { ...record, fromRevision } }],
    signal,
  );
}

/** Embeds the memories and writes them; texts with nothing to embed are left out. */
export async function indexMemories(
  deps: Pick<EngineDependencies, "embedder" | "vectorIndex">,
  namespace: string,
  memories: readonly IndexableMemory[],
  signal?: AbortSignal,
): Promise<void> {
  if (memories.length === 0) return;
  const vectors = await deps.embedder.embed(
    memories.map((m) => m.record.text),
    signal,
  );
  const records: VectorRecord[] = memories.flatMap((memory, i) => {
    const values = vectors[i]!;
    return values.some((v) => v !== 0)
      ? [{ id: memory.id, values, metadata: memoryMetadata(memory.record) }]
      : [];
  });
  if (records.length > 0) await deps.vectorIndex.upsert(namespace, records);
}

/** A summary's own text; the facts it lists are recorded as facts of their own. */
export async function summaryMemories(
  deps: Pick<EngineDependencies, "events">,
  event: StoredEventOf<"MemorySummarized">,
  /** The conversation the summary belongs to, folded far enough to hold the reply it follows. */
  conversation: () => Promise<ConversationState>,
): Promise<IndexableMemory[]> {
  const { data } = event;
  const sourceMessageIds = await summarySources(deps, event, conversation);
  const at = event.metadata.occurredAt;
  return [
    {
      id: summaryVectorId(event.id),
      record: {
        text: data.summary,
        kind: "summary",
        factKind: null,
        relatedKinds: [],
        quote: null,
        sourceMessageIds,
        at,
        atMs: Date.parse(at),
        fromRevision: data.coversFromRevision,
        toRevision: data.coversToRevision,
      },
    },
  ];
}
