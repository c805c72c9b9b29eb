import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { replyCompleted, replyStarted, sent, started } from "../projections/conversationEvents.ts";
import { eventually } from "../support/coreHarness.ts";
import { appendEvents } from "../support/domainEvents.ts";
import { codesOf, createAgent, gql, type Loose, startTestApi, type TestApi, wsClient } from "./apiHarness.ts";

/**
 * A subscription resumed from far back folds the conversation from its start: a person who
 * resubscribes so in a loop keeps the server reading their whole history, so each such resume
 * counts against the change budget. Resuming near the end, as a reconnecting client does, is free.
 */

const EVENTS = `subscription($agentId: ID!, $after: Int) {
  conversationEvents(agentId: $agentId, afterRevision: $after) { __typename } }`;
const LIMIT = 4;
const TURNS = 120;

let api: TestApi;
let agentId: string;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi({ WITHME_MUTATION_RATE_LIMIT: String(LIMIT) });
  agentId = await createAgent(api.url, "Tess");
}, 60_000);
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await api?.close();
});

/** A person whose conversation holds `turns` exchanges (3 events each, after its start). */
async function personWithLongConversation(token: string, turns = TURNS): Promise<Client> {
  const userId = (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
  const history: ConversationEvent[] = [started(userId, agentId)];
  for (let i = 0; i < turns; i++)
    history.push(
      sent(`m-${i}`, `message ${i}`, i),
      replyStarted(`r-${i}`, `m-${i}`, i),
      replyCompleted(`r-${i}`, `m-${i}`, `reply ${i}`, i),
    );
  await appendEvents(api.system.eventStore, conversationStreamId(userId, agentId), history);
  const client = wsClient(api.wsUrl, token);
  clients.push(client);
  return client;
}

/** The first thing a subscription answers (its first event, or its refusal), then ends it. */
function firstAnswer(client: Client, after: number): Promise<Loose> {
  return new Promise((resolve) => {
    const stop = client.subscribe(
      { query: EVENTS, variables: { agentId, after } },
      {
        next: (result) => {
          stop();
          resolve(result);
        },
        error: (error) => resolve({ errors: error }),
        complete: () => {},
      },
    );
  });
}

async function answers(client: Client, after: number, count: number): Promise<Loose[]> {
  const all: Loose[] = [];
  for (let i = 0; i < count; i++) all.push(await firstAnswer(client, after));
  return all;
}

describe("resuming a conversation's subscription", () => {
  it("from its start, over and over, is RATE_LIMITED past the budget, with how long to wait", async () => {
    const client = await personWithLongConversation("dev:rewinder");
    const all = await answers(client, -1, LIMIT + 2);
    expect(all[0].data?.conversationEvents.__typename).toBe("MessageAdded");
    const refused = all.filter((a) => a.errors);
    expect(refused.length).toBeGreaterThan(0);
    const error = Array.isArray(refused[0].errors) ? refused[0].errors[0] : refused[0].errors;
    expect(error.extensions.code).toBe("RATE_LIMITED");
    expect(error.extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("from the start of a history thousands of events long takes a change per thousand events", async () => {
    // 3,001 events: four changes, the whole budget, for one resume from the start.
    const client = await personWithLongConversation("dev:longrewinder", 1_000);
    const [first, second] = await answers(client, -1, 2);
    expect(first.data?.conversationEvents.__typename).toBe("MessageAdded");
    const error = Array.isArray(second.errors) ? second.errors[0] : second.errors;
    expect(error?.extensions.code).toBe("RATE_LIMITED");
  });

  it.each([
    [
      "a time-travel read",
      "query($agentId: ID!) { conversation(agentId: $agentId, asOf: { revision: 6000 }) { startedAt } }",
    ],
    ["a chat export", "query($agentId: ID!) { exportChat(agentId: $agentId) }"],
    ["a data export", "query { exportMyData }"],
  ])(
    "%s of a history thousands of events long takes a change per thousand events, within the budget",
    async (what, query) => {
      const token = `dev:reader-${what.replaceAll(" ", "-")}`;
      await personWithLongConversation(token, 2_000);
      const shown =
        "query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 1) { edges { cursor } } } }";
      // The projector reads 6,000 events first: on a loaded machine that takes longer than most waits.
      await eventually(
        async () =>
          (await gql(api.url, shown, { agentId }, token)).data?.conversation.messages.edges.length > 0,
        100_000,
      );
      // 6,001 events: the read and six changes more, cut to the rest of the budget so it can be made.
      const first = await gql(api.url, query, { agentId }, token);
      expect(first.errors).toBeUndefined();
      expect(codesOf(await gql(api.url, query, { agentId }, token))).toEqual(["RATE_LIMITED"]);
    },
  );

  it("near its end, as a reconnecting client does, is not counted", async () => {
    const client = await personWithLongConversation("dev:reconnecter");
    const last = 3 * TURNS;
    const all = await answers(client, last - 10, LIMIT + 2);
    expect(all.filter((a) => a.errors)).toEqual([]);
  });
});
