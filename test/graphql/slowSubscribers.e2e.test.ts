import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { TOO_SLOW_CLOSE_CODE } from "../../src/graphql/socketWrites.ts";
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
const EVENTS = `subscription($agentId: ID!, $after: Int) { conversationEvents(agentId: $agentId, afterRevision: $after) {
  __typename ... on MessageAdded { revision message { text } } ... on ReplyCompleted { revision } } }`;
const token = "dev:slow-reader";
const CAP = 64 * 1024;
const SUBSCRIPTIONS = 25;

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi(
    {
      WITHME_WS_MAX_BUFFERED_BYTES: String(CAP),
      // The client that stops reading answers no pings: on a loaded machine filling its buffers
      // takes longer than two pings, and the server must close it for its buffer, not its silence.
      WITHME_WS_KEEP_ALIVE_MS: "600000",
      WITHME_MUTATION_RATE_LIMIT: "100000",
      WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
    },
    ["api", "projector", "worker"],
  );
  agentId = await createAgent(api.url, "Juno");
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, token)).data?.agents.length > 0);
});
afterAll(async () => api?.close());

/** A graphql-ws connection spoken by hand, so its socket can stop reading; it keeps every frame's revision. */
async function pausableClient(): Promise<{ ws: WebSocket; revisions: number[]; closed: Promise<number> }> {
  const ws = new WebSocket(api.wsUrl, "graphql-transport-ws");
  const revisions: number[] = [];
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  const acked = new Promise<void>((resolve) =>
    ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as Loose;
      if (message.type === "connection_ack") resolve();
      const revision = message.payload?.data?.conversationEvents?.revision;
      if (typeof revision === "number") revisions.push(revision);
    }),
  );
  await new Promise((resolve) => ws.once("open", resolve));
  ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
  await acked;
  for (let i = 0; i < SUBSCRIPTIONS; i++)
    ws.send(
      JSON.stringify({ id: `s${i}`, type: "subscribe", payload: { query: EVENTS, variables: { agentId } } }),
    );
  return { ws, revisions, closed };
}

async function slowCloses(): Promise<number> {
  const metrics = await (await fetch(`${api.url}/metrics`)).text();
  return Number(/^withme_websocket_slow_closes_total (\d+)/m.exec(metrics)?.[1] ?? 0);
}

describe("a WebSocket client that stops reading", () => {
  it("is closed with 4413 past the cap while a client that reads gets everything, and resumes what it missed", async () => {
    let normalClosedWith: number | null = null;
    const normal = wsClient(api.wsUrl, token, (code) => {
      normalClosedWith = code;
    });
    const read = collect(normal, EVENTS, { agentId }, () => false);
    await listening(api, token, 1);
    const slow = await pausableClient();
    await listening(api, token, 1 + SUBSCRIPTIONS);
    // ws's own pause: pausing its socket directly is undone by ws whenever its receiver drains,
    // which on a busy machine let the "slow" client read everything after all.
    slow.ws.pause();

    const completed = () =>
      read.items.filter((item) => item.conversationEvents.__typename === "ReplyCompleted").length;
    const text = "a long message that fills the socket ".repeat(100).trim();
    let sent = 0;
    let closedEarly: number | null = null;
    void slow.closed.then((code) => {
      closedEarly ??= code;
    });
    // The kernel's socket buffers take a few megabytes before anything waits in the server.
    while ((await slowCloses()) === 0 && closedEarly === null && sent < 300) {
      const answer = await gql(
        api.url,
        SEND,
        { input: { agentId, text: `${sent} ${text}`, clientMessageId: `slow-${sent}` } },
        token,
      );
      expect(answer.errors).toBeUndefined();
      sent++;
      await eventually(async () => completed() === sent, 30_000);
    }
    // A close for any other reason would leave nothing to wait in the server: say which it was.
    expect({ slowCloses: await slowCloses(), closedEarly, sent }).toMatchObject({ slowCloses: 1 });

    slow.ws.resume();
    expect(await slow.closed).toBe(TOO_SLOW_CLOSE_CODE);
    const added = () => read.items.filter((item) => item.conversationEvents.__typename === "MessageAdded");
    const stored = () => read.items.filter((item) => typeof item.conversationEvents.revision === "number");
    expect(added().filter((item) => item.conversationEvents.message.text.endsWith(text))).toHaveLength(sent);
    expect(normalClosedWith).toBeNull();

    const seen = Math.max(-1, ...slow.revisions);
    const missed = stored()
      .map((item) => item.conversationEvents.revision as number)
      .filter((revision) => revision > seen);
    expect(missed.length).toBeGreaterThan(0);
    const revisionsOf = (items: Loose[]) =>
      items.map((item) => item.conversationEvents.revision).filter((r) => typeof r === "number");
    const resumed = collect(
      wsClient(api.wsUrl, token),
      EVENTS,
      { agentId, after: seen },
      (items) => revisionsOf(items).at(-1) === missed.at(-1),
    );
    expect(revisionsOf(await resumed.finished)).toEqual(missed);
    await resumed.client.dispose();
    read.stop();
    await normal.dispose();
    // Filling the kernel's buffers takes dozens of full turns, each slow on a loaded machine.
  }, 300_000);
});
