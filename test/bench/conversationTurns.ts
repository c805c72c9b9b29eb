import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Client } from "graphql-ws";
import { messageIdFor, replyIdFor } from "../../src/application/conversations/messageIds.ts";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { wsClient } from "./bareGraphqlWs.ts";
import { countQueries } from "./queryCount.ts";

const SUBSCRIPTION = `subscription($agentId: ID!, $after: Int) {
  conversationEvents(agentId: $agentId, afterRevision: $after) {
    __typename ... on ReplyDelta { replyId } ... on ReplyCompleted { replyId } ... on MessageAdded { message { id } }
  } }`;

/** What each measured turn took, in turn order. */
export interface Samples {
  send: number[];
  firstDelta: number[];
  subscribe: number[];
  /** SQL queries this process sent while the turn ran (its reply and whatever ran beside it). */
  queries: number[];
  /** When each turn ran, for the per-sample log. */
  spans: { from: number; to: number; loopMaxMs: number; snapshot: string }[];
}

export function noSamples(): Samples {
  return { send: [], firstDelta: [], subscribe: [], queries: [], spans: [] };
}

/** One person's conversation: its own connection and a subscription that reports reply deltas. */
export class Person {
  readonly client: Client;
  readonly userId: string;
  readonly #waits = new Map<string, { first: (at: number) => void; done: () => void }>();

  constructor(url: string, subject: string) {
    this.client = wsClient(url, subject);
    this.userId = userIdFor({ provider: "dev", subject });
  }

  listen(agentId: string): void {
    this.client.subscribe(
      { query: SUBSCRIPTION, variables: { agentId } },
      {
        next: (r) => {
          const event = (r.data as { conversationEvents: { __typename: string; replyId?: string } })
            .conversationEvents;
          const wait = event.replyId ? this.#waits.get(event.replyId) : undefined;
          if (event.__typename === "ReplyDelta") wait?.first(performance.now());
          if (event.__typename === "ReplyCompleted") wait?.done();
        },
        error: () => {},
        complete: () => {},
      },
    );
  }

  /**
   * Sends a message; resolves with the mutation's and the first delta's latency once the reply is
   * done, and the message's revision.
   */
  async converse(
    agentId: string,
    clientMessageId: string,
  ): Promise<{ send: number; firstDelta: number; revision: number }> {
    const replyId = replyIdFor(messageIdFor(this.userId, agentId, clientMessageId), 1);
    const started = performance.now();
    let firstDelta = Number.NaN;
    const done = new Promise<void>((resolve) =>
      this.#waits.set(replyId, {
        first: (at) => {
          if (Number.isNaN(firstDelta)) firstDelta = at - started;
        },
        done: resolve,
      }),
    );
    const sent = await ask<{ sendMessage: { message: { cursor: string } } }>(
      this.client,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { cursor } } }`,
      { input: { agentId, text: `Still up? (${clientMessageId})`, clientMessageId } },
    );
    const send = performance.now() - started;
    // A reply that never completes gives up the wait; the timer does not keep the process running.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
    clearTimeout(timer);
    this.#waits.delete(replyId);
    return { send, firstDelta, revision: Number(sent.sendMessage.message.cursor) };
  }

  /** A new subscription asking again from the last message sent: time until the server has sent it. */
  async subscribeAgain(agentId: string, after: number): Promise<number> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const stop = this.client.subscribe(
        { query: SUBSCRIPTION, variables: { agentId, after } },
        {
          next: () => {
            stop();
            resolve(performance.now() - started);
          },
          error: reject,
          complete: () => {},
        },
      );
    });
  }

  async revision(agentId: string): Promise<number> {
    const answer = await ask<{ conversation: { state: { revision: number } } }>(
      this.client,
      `query($agentId: ID!) { conversation(agentId: $agentId) { state { revision } } }`,
      { agentId },
    );
    return answer.conversation.state.revision;
  }
}

/** One query or mutation over the connection: its data. */
function ask<T>(client: Client, query: string, variables: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) =>
    client.subscribe(
      { query, variables },
      {
        next: (r) => (r.errors ? reject(new Error(r.errors[0]!.message)) : resolve(r.data as T)),
        error: reject,
        complete: () => {},
      },
    ),
  );
}

export const loopDelay = monitorEventLoopDelay({ resolution: 1 });

/** One measured turn: the message and its reply, then a new subscription from that message. */
export async function measureTurn(
  person: Person,
  agentId: string,
  clientMessageId: string,
  samples: Samples,
  snapshotOf: () => Promise<string>,
): Promise<void> {
  loopDelay.reset();
  const queries = countQueries();
  const from = performance.now();
  const { send, firstDelta, revision } = await person.converse(agentId, clientMessageId);
  samples.send.push(send);
  samples.firstDelta.push(firstDelta);
  samples.subscribe.push(await person.subscribeAgain(agentId, revision - 1));
  const to = performance.now();
  samples.queries.push(queries());
  samples.spans.push({ from, to, loopMaxMs: loopDelay.max / 1e6, snapshot: await snapshotOf() });
}
