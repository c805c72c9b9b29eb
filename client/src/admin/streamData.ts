import type { Client } from "@urql/core";
import type { ResultOf } from "../api/graphql.ts";
import { EventsQuery, type StoredEventFields, StreamQuery } from "../api/operations/admin.ts";

export type StoredEvent = ResultOf<typeof StoredEventFields>;

const PAGE = 1000;

/** A whole stream, oldest first, read page by page (at most `maxPages` of 1000). */
export async function readWholeStream(
  client: Client,
  streamId: string,
  maxPages = 10,
): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let page = 0; page < maxPages; page++) {
    const result = await client
      .query(
        StreamQuery,
        { streamId, fromRevision: events.length, limit: PAGE },
        { requestPolicy: "network-only" },
      )
      .toPromise();
    if (!result.data) throw new Error(result.error?.graphQLErrors[0]?.message ?? "The stream did not load.");
    events.push(...result.data.stream);
    if (result.data.stream.length < PAGE) break;
  }
  return events;
}

export interface ConversationRef {
  streamId: string;
  userId: string;
  agentId: string;
  startedAt: string;
}

/**
 * The conversations with one agent, found by reading the global log for ConversationStarted
 * (the API has no admin list of conversations yet); stops after `maxPages` pages of 1000.
 */
export async function findConversations(
  client: Client,
  agentId: string | null,
  maxPages = 20,
): Promise<{ conversations: ConversationRef[]; complete: boolean }> {
  const conversations: ConversationRef[] = [];
  let after = "start";
  for (let page = 0; page < maxPages; page++) {
    const result = await client
      .query(EventsQuery, { after, limit: PAGE }, { requestPolicy: "network-only" })
      .toPromise();
    if (!result.data) throw new Error(result.error?.graphQLErrors[0]?.message ?? "The events did not load.");
    const { events, hasMore, nextAfter } = result.data.events;
    for (const event of events) {
      if (event.type !== "ConversationStarted") continue;
      const data = event.data as { userId?: string; agentId?: string; startedAt?: string };
      if (agentId && data.agentId !== agentId) continue;
      conversations.push({
        streamId: event.streamId,
        userId: data.userId ?? "?",
        agentId: data.agentId ?? "?",
        startedAt: data.startedAt ?? event.recordedAt,
      });
    }
    if (!hasMore) return { conversations, complete: true };
    after = nextAfter;
  }
  return { conversations, complete: false };
}
