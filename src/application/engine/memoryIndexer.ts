import { v5 as uuidv5 } from "uuid";
import { conversationDecider } from "../../domain/conversation/decider.ts";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import { memoryNamespace, type VectorRecord } from "../../ports/vectorIndex.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { extractFacts } from "./memoryFacts.ts";

const VECTOR_NAMESPACE = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";

/**
 * Keeps the vector index in step with long-term memory: every summary and its facts, and every
 * message in which a person tells something about themselves. Vector ids come from event ids, so
 * handling an event again overwrites instead of adding.
 */
export function memoryIndexReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-index",
    canHandle: ["UserMessageSent", "MemorySummarized"],
    concurrency: 8,
    async handle(event, signal) {
      const { state } = await deps.commands.load(conversationDecider, event.streamId);
      if (!state.userId || !state.agentId) return;
      const texts: { id: string; text: string; kind: string; at: string }[] = [];
      if (event.type === "UserMessageSent") {
        const { data } = event;
        const { state: user } = await deps.commands.load(userDecider, userStreamId(state.userId));
        const facts = extractFacts(data.text, user.profile.displayName || "The person");
        facts.forEach((fact, i) => {
          texts.push({
            id: uuidv5(`${event.id}:${i}`, VECTOR_NAMESPACE),
            text: fact,
            kind: "message",
            at: data.sentAt,
          });
        });
      } else {
        const { data } = event;
        const at = event.metadata.occurredAt;
        texts.push({
          id: uuidv5(`${event.id}:summary`, VECTOR_NAMESPACE),
          text: data.summary,
          kind: "summary",
          at,
        });
        data.facts.forEach((fact, i) => {
          texts.push({ id: uuidv5(`${event.id}:${i}`, VECTOR_NAMESPACE), text: fact, kind: "fact", at });
        });
      }
      if (texts.length === 0) return;
      const vectors = await deps.embedder.embed(
        texts.map((t) => t.text),
        signal,
      );
      const records: VectorRecord[] = texts
        .map((t, i) => ({ t, values: vectors[i]! }))
        .filter(({ values }) => values.some((v) => v !== 0))
        .map(({ t, values }) => ({
          id: t.id,
          values,
          metadata: { text: t.text, kind: t.kind, at: t.at, revision: event.revision },
        }));
      if (records.length > 0)
        await deps.vectorIndex.upsert(memoryNamespace(state.userId, state.agentId), records);
    },
  });
}
