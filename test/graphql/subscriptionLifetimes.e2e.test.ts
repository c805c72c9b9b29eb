import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { replyCompleted, replyStarted, sent, started } from "../projections/conversationEvents.ts";
import { eventually } from "../support/coreHarness.ts";
import { appendEvents } from "../support/domainEvents.ts";
import { collect, createAgent, gql, type Loose, startTestApi, type TestApi, wsClient } from "./apiHarness.ts";

const EVENTS = `subscription($agentId: ID!, $after: Int) {
  conversationEvents(agentId: $agentId, afterRevision: $after) { __typename }
}`;

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Ines");
});
afterAll(async () => api?.close());

async function openSubscriptions(): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  return Number(/withme_active_subscriptions\{transport="graphql"\} (\d+)/.exec(text)?.[1] ?? 0);
}

/** A raw graphql-transport-ws connection, acknowledged; `send` writes messages, `ping` awaits the pong. */
async function rawConnection(token: string) {
  const socket = new WebSocket(api.wsUrl, "graphql-transport-ws");
  const inbox: Loose[] = [];
  const waiters: (() => void)[] = [];
  socket.on("message", (data) => {
    inbox.push(JSON.parse(String(data)));
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (type: string) => {
    for (;;) {
      const index = inbox.findIndex((m) => m.type === type);
      if (index >= 0) return inbox.splice(index, 1)[0];
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  await new Promise((resolve) => socket.once("open", resolve));
  socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
  await next("connection_ack");
  return {
    inbox,
    send: (message: object) => socket.send(JSON.stringify(message)),
    ping: async () => {
      socket.send(JSON.stringify({ type: "ping" }));
      await next("pong");
    },
    close: () => socket.close(),
  };
}

describe("subscription lifetimes", () => {
  it("releases every subscription completed while it was still starting, and the person's presence", async () => {
    const token = "dev:flicker";
    const userId = (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
    const connection = await rawConnection(token);
    for (let i = 0; i < 400; i++) {
      const id = `s${i}`;
      connection.send({ id, type: "subscribe", payload: { query: EVENTS, variables: { agentId } } });
      // Some are completed in the same breath, some a turn of the event loop later.
      if (i % 3 === 1) await new Promise((resolve) => setImmediate(resolve));
      connection.send({ id, type: "complete" });
      if (i % 20 === 0) await connection.ping();
    }
    await connection.ping();
    await eventually(async () => (await openSubscriptions()) === 0);
    expect(await api.system.presence.isOnline(userId)).toBe(false);
    connection.close();
  });

  it("refuses a subscription over the per-connection cap with RATE_LIMITED and keeps the others", async () => {
    const connection = await rawConnection("dev:greedy");
    for (let i = 0; i < 26; i++)
      connection.send({ id: `g${i}`, type: "subscribe", payload: { query: EVENTS, variables: { agentId } } });
    await connection.ping();
    const refusal = await eventually(async () => connection.inbox.find((m) => m.type === "error"));
    expect(refusal.payload[0].extensions.code).toBe("RATE_LIMITED");
    await eventually(async () => (await openSubscriptions()) === 25);
    connection.send({ id: refusal.id === "g0" ? "g1" : "g0", type: "complete" });
    connection.send({ id: "again", type: "subscribe", payload: { query: EVENTS, variables: { agentId } } });
    await connection.ping();
    expect(connection.inbox.filter((m) => m.type === "error")).toHaveLength(1);
    connection.close();
    await eventually(async () => (await openSubscriptions()) === 0);
  });

  it("refuses a person's subscriptions over the per-person cap across connections", async () => {
    const connections = await Promise.all(Array.from({ length: 5 }, () => rawConnection("dev:many-tabs")));
    for (const connection of connections)
      for (let i = 0; i < 20; i++)
        connection.send({
          id: `t${i}`,
          type: "subscribe",
          payload: { query: EVENTS, variables: { agentId } },
        });
    for (const connection of connections) await connection.ping();
    await eventually(async () => (await openSubscriptions()) === 100);
    const extra = await rawConnection("dev:many-tabs");
    extra.send({ id: "one-more", type: "subscribe", payload: { query: EVENTS, variables: { agentId } } });
    const refusal = await eventually(async () => extra.inbox.find((m) => m.type === "error"));
    expect(refusal.payload[0].extensions.code).toBe("RATE_LIMITED");
    const other = await rawConnection("dev:someone-else");
    other.send({ id: "fine", type: "subscribe", payload: { query: EVENTS, variables: { agentId } } });
    await other.ping();
    expect(other.inbox.filter((m) => m.type === "error")).toEqual([]);
    for (const connection of [...connections, extra, other]) connection.close();
    await eventually(async () => (await openSubscriptions()) === 0);
  });

  it("starts new subscriptions on a long conversation without reading its whole history for each", async () => {
    const token = "dev:chatty";
    const userId = (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id as string;
    const streamId = conversationStreamId(userId, agentId);
    const history: ConversationEvent[] = [started(userId, agentId)];
    for (let i = 0; i < 57; i++)
      history.push(
        sent(`m-${i}`, `message ${i}`, i % 60),
        replyStarted(`r-${i}`, `m-${i}`, i % 60),
        replyCompleted(`r-${i}`, `m-${i}`, `reply ${i}`, i % 60),
      );
    await appendEvents(api.system.eventStore, streamId, history);
    const store = api.system.eventStore;
    const readStream = store.readStream.bind(store);
    let eventsRead = 0;
    store.readStream = async (id, options) => {
      const events = await readStream(id, options);
      if (id === streamId) eventsRead += events.length;
      return events;
    };
    try {
      const client = wsClient(api.wsUrl, token);
      const last = collect(client, EVENTS, { agentId, after: 170 }, (items) => items.length >= 1);
      expect((await last.finished)[0]?.conversationEvents.__typename).toBe("ReplyCompleted");
      // Three tabs of twenty: under both caps.
      const clients = [client, wsClient(api.wsUrl, token), wsClient(api.wsUrl, token)];
      const subscriptions = clients.flatMap((tab) =>
        Array.from({ length: 20 }, () => collect(tab, EVENTS, { agentId, after: 171 }, () => false)),
      );
      await eventually(async () => (await openSubscriptions()) === 60);
      for (const subscription of subscriptions) subscription.stop();
      for (const tab of clients) await tab.dispose();
      expect(eventsRead).toBeLessThan(3 * 170);
    } finally {
      store.readStream = readStream;
    }
    await eventually(async () => (await openSubscriptions()) === 0);
  });
});
