import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/coreHarness.ts";
import {
  collect,
  createAgent,
  gql,
  type Loose,
  listening,
  startTestApi,
  type TestApi,
  wsClient,
} from "./apiHarness.ts";

const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
const EVENTS = `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) {
  __typename ... on MessageAdded { message { text } } } }`;
const token = "dev:socket-user";

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Wren");
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, token)).data?.agents.length > 0);
});
afterAll(async () => api?.close());

/** What the server answers one operation with: its errors, or its data when it ran. */
function answerTo(client: Client, payload: { query: string; operationName?: string }): Promise<Loose> {
  return new Promise((resolve) => {
    client.subscribe(payload, {
      next: (result) => resolve(result),
      error: (error) => resolve({ errors: error }),
      complete: () => {},
    });
  });
}

const refusals: [string, { query: string; operationName?: string }][] = [
  [
    "too many aliases",
    { query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(" ")} }` },
  ],
  ["too deep", { query: `{ ${"agents { ".repeat(30)}id${" }".repeat(30)} }` }],
  [
    "too costly",
    {
      query: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: conversation(agentId: "x") { messages(last: 50) { edges { node { id text } } } state { mood affinity } }`).join(" ")} }`,
    },
  ],
  ["too many tokens", { query: `{ me { ${"id ".repeat(5000)} } }` }],
  ["two operations and no name", { query: "query A { me { id } } query B { agents { id } }" }],
  [
    "two operations and an unknown name",
    { query: "query A { me { id } } query B { agents { id } }", operationName: "C" },
  ],
  ["a name that is not in the document", { query: "query A { me { id } }", operationName: "B" }],
  ["a document that does not parse", { query: "{ me { id " }],
  ["a document nested too deeply", { query: `{ agent(id: ${"[".repeat(70)}"x"${"]".repeat(70)}) { id } }` }],
  ["an unknown field", { query: "{ nothingHere }" }],
];

describe("GraphQL over WebSocket: a refused operation leaves the socket and its subscriptions open", () => {
  it("refuses each bad operation with BAD_USER_INPUT while a subscription on the socket keeps working", async () => {
    let closedWith: number | null = null;
    const client = wsClient(api.wsUrl, token, (code) => {
      closedWith = code;
    });
    const events = collect(client, EVENTS, { agentId }, () => false);
    await listening(api, token);

    for (const [name, payload] of refusals) {
      const answer = await answerTo(client, payload);
      expect(answer.data ?? null, name).toBeNull();
      expect(
        (answer.errors as Loose[]).map((e) => e.extensions?.code),
        name,
      ).toEqual(expect.arrayContaining(["BAD_USER_INPUT"]));
      expect(
        (answer.errors as Loose[]).every((e) => e.extensions?.code === "BAD_USER_INPUT"),
        name,
      ).toBe(true);
      expect(closedWith, name).toBeNull();
    }

    const named = await answerTo(client, {
      query: "query A { me { id } } query B { agents { id } }",
      operationName: "B",
    });
    expect(named.data?.agents.map((a: Loose) => a.id)).toContain(agentId);

    const sent = await gql(
      api.url,
      SEND,
      { input: { agentId, text: "Still listening?", clientMessageId: "socket-1" } },
      token,
    );
    expect(sent.errors).toBeUndefined();
    await eventually(async () =>
      events.items.some((i) => i.conversationEvents.message?.text === "Still listening?"),
    );
    expect(closedWith).toBeNull();
    events.stop();
    await client.dispose();
  }, 60_000);
});
