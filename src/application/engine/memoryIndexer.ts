import { v5 as uuidv5 } from "uuid";
import { conversationDecider, visiblePathTo } from "../../domain/conversation/decider.ts";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import { memoryNamespace, type VectorRecord } from "../../ports/vectorIndex.ts";
import type { StoredEventOf } from "../eventLog.ts";
import { extractFacts } from "../memory/factExtractor.ts";
import { factRecord, type MemoryRecord, memoryMetadata } from "../memory/memoryRecords.ts";
import { kindOfFactText, relatedKindsOf } from "../memory/queryIntent.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { loadAgentState } from "./replyDeferral.ts";

const VECTOR_NAMESPACE = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";

/** A memory ready to embed: its vector id and what is stored beside the vector. */
export interface IndexableMemory {
  id: string;
  record: Omit<MemoryRecord, "id">;
}

/**
 * Keeps the vector index in step with long-term memory: the facts a person states in each message
 * (kind, source message, time), and every summary with its facts. Vector ids come from event ids,
 * so handling an event again overwrites instead of adding.
 */
export function memoryIndexReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-index",
    canHandle: ["UserMessageSent", "MemorySummarized"],
    concurrency: 8,
    async handle(event, signal) {
      const { state } = await deps.commands.load(conversationDecider, event.streamId);
      if (!state.userId || !state.agentId) return;
      const memories =
        event.type === "UserMessageSent"
          ? await messageFacts(deps, event, state.userId, state.agentId)
          : await summaryMemories(deps, event, state.userId);
      await indexMemories(deps, memoryNamespace(state.userId, state.agentId), memories, signal);
    },
  });
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

async function messageFacts(
  deps: EngineDependencies,
  event: StoredEventOf<"UserMessageSent">,
  userId: string,
  agentId: string,
): Promise<IndexableMemory[]> {
  const { data } = event;
  const [{ state: user }, agent] = await Promise.all([
    deps.commands.load(userDecider, userStreamId(userId)),
    loadAgentState(deps, agentId),
  ]);
  const facts = extractFacts(data.text, {
    personName: user.profile.displayName || "The person",
    ...(agent.profile ? { agentName: agent.profile.name } : {}),
  });
  const source = { messageIds: [data.messageId], at: data.sentAt, revision: event.revision };
  return facts.map((fact, i) => ({
    id: uuidv5(`${event.id}:${i}`, VECTOR_NAMESPACE),
    record: factRecord(fact, source),
  }));
}

async function summaryMemories(
  deps: EngineDependencies,
  event: StoredEventOf<"MemorySummarized">,
  userId: string,
): Promise<IndexableMemory[]> {
  const { data } = event;
  const covered = await deps.events.readStream(event.streamId, {
    fromRevision: data.coversFromRevision,
    maxCount: data.coversToRevision - data.coversFromRevision + 1,
  });
  // Only the messages of the path the summary was written on are its sources.
  const path = data.causedBy ? await summaryPath(deps, event.streamId, data.causedBy) : null;
  const messages = covered.flatMap((e) =>
    e.type === "UserMessageSent" && (!path || path.has(e.data.messageId)) ? [e.data] : [],
  );
  const sourceMessageIds = messages.map((m) => m.messageId);
  // A summary's fact that repeats one taken from a message keeps that fact's kind.
  const { state } = await deps.commands.load(userDecider, userStreamId(userId));
  const kinds = new Map(
    messages.flatMap((m) =>
      extractFacts(m.text, { personName: state.profile.displayName || "The person" }).map(
        (fact) => [fact.text, fact.kind] as const,
      ),
    ),
  );
  const at = event.metadata.occurredAt;
  const common = {
    quote: null,
    sourceMessageIds,
    at,
    atMs: Date.parse(at),
    fromRevision: data.coversFromRevision,
    toRevision: data.coversToRevision,
  };
  return [
    {
      id: uuidv5(`${event.id}:summary`, VECTOR_NAMESPACE),
      record: { ...common, text: data.summary, kind: "summary", factKind: null, relatedKinds: [] },
    },
    ...data.facts.map((fact, i): IndexableMemory => {
      const factKind = kinds.get(fact) ?? kindOfFactText(fact);
      return {
        id: uuidv5(`${event.id}:${i}`, VECTOR_NAMESPACE),
        record: {
          ...common,
          text: fact,
          kind: "fact",
          factKind,
          relatedKinds: relatedKindsOf(fact, factKind),
        },
      };
    }),
  ];
}

async function summaryPath(
  deps: EngineDependencies,
  streamId: string,
  causedBy: string,
): Promise<ReadonlySet<string>> {
  const { state } = await deps.commands.load(conversationDecider, streamId);
  return new Set(visiblePathTo(state, causedBy));
}
