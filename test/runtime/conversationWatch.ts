import type { Client } from "graphql-ws";
import pg from "pg";
import { PostgresLiveBus } from "../../src/adapters/postgres/postgresLiveBus.ts";
import { RedisLiveBus } from "../../src/adapters/redis/redisLiveBus.ts";
import { type LiveBus, topics } from "../../src/ports/liveBus.ts";
import { type Loose, wsClient } from "../graphql/apiHarness.ts";

const CONVERSATION_EVENTS = `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
  __typename
  ... on ReplyStarted { replyId inReplyTo attempt }
  ... on ReplyDelta { replyId text index }
  ... on ReplyCompleted { replyId message { text } }
  ... on ReplyFailed { replyId reason }
  ... on Typing { typingFor: replyId typing }
} }`;

/** One person's conversation with an agent as a graphql-ws client sees it, and how its socket ended. */
export interface ConversationWatch {
  events: Loose[];
  /** The close code of the socket, once it closes. */
  closed: Promise<number>;
  waitFor(predicate: (event: Loose) => boolean, timeoutMs?: number): Promise<Loose>;
  dispose(): Promise<void>;
}

export function watchConversation(wsUrl: string, token: string, agentId: string): ConversationWatch {
  const events: Loose[] = [];
  const listeners = new Set<() => void>();
  let closedWith: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => {
    closedWith = resolve;
  });
  const client: Client = wsClient(wsUrl, token, (code) => closedWith(code));
  client.subscribe(
    { query: CONVERSATION_EVENTS, variables: { agentId } },
    {
      next: (result) => {
        if (result.data) events.push((result.data as Loose).conversationEvents);
        for (const listener of listeners) listener();
      },
      error: () => {},
      complete: () => {},
    },
  );
  const waitFor = (predicate: (event: Loose) => boolean, timeoutMs = 30_000) =>
    new Promise<Loose>((resolve, reject) => {
      const check = () => {
        const found = events.find(predicate);
        if (!found) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no such conversation event within ${timeoutMs} ms; saw ${JSON.stringify(events)}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return { events, closed, waitFor, dispose: () => client.dispose() as Promise<void> };
}

/** The live bus the processes share, seen from the test: the same adapter they chose. */
export function testBus(
  databaseUrl: string,
  redisUrl: string | undefined,
): LiveBus & { end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => {});
  const bus = redisUrl ? new RedisLiveBus(redisUrl) : new PostgresLiveBus(pool, databaseUrl);
  return Object.assign(bus, {
    end: async () => {
      await bus.close();
      await pool.end();
    },
  });
}

/**
 * Sends typing notices from the test until the watcher sees one, so the API process behind it is
 * known to listen on the bus before anything it must not miss is sent.
 */
export async function untilListening(
  bus: LiveBus,
  watch: ConversationWatch,
  conversation: { userId: string; agentId: string },
): Promise<void> {
  const topic = topics.conversation(conversation.userId, conversation.agentId);
  const probe = { kind: "agent.typing" as const, payload: { typing: false, replyId: "bus-probe" } };
  const heard = watch.waitFor((event) => event.typingFor === "bus-probe");
  const sending = setInterval(() => void bus.publish(topic, probe).catch(() => {}), 100);
  try {
    await heard;
  } finally {
    clearInterval(sending);
  }
}
