import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken, startTestApi, type TestApi, wsClient } from "./apiHarness.ts";

let api: TestApi;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi({ WITHME_WS_MAX_CONNECTIONS_PER_PERSON: "2" });
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await api?.close();
});

/** Opens a connection and resolves once the server acknowledged it. */
function connected(token: string): Promise<Client> {
  const client = wsClient(api.wsUrl, token);
  clients.push(client);
  return new Promise((resolve) => client.on("connected", () => resolve(client)));
}

/** Opens a connection and resolves with how it went: acknowledged, or closed with a code. */
function outcome(token: string): Promise<number | "connected"> {
  return new Promise((resolve) => {
    const client = wsClient(api.wsUrl, token, resolve);
    clients.push(client);
    client.on("connected", () => resolve("connected"));
  });
}

describe("WebSocket connections per person", () => {
  it("closes one connection past the cap with 4429 and lets other people and later ones in", async () => {
    const alice = await signToken({ sub: "alice-sockets", name: "Alice" });
    const bob = await signToken({ sub: "bob-sockets", name: "Bob" });
    const first = await connected(alice);
    await connected(alice);
    expect(await outcome(alice)).toBe(4429);
    await connected(bob);
    const closed = new Promise<void>((resolve) => first.on("closed", () => resolve()));
    await first.dispose();
    await closed;
    // The server forgets the closed socket when it sees the close; ask again until it has.
    let again: number | "connected" = 4429;
    while (again === 4429) again = await outcome(alice);
    expect(again).toBe("connected");
  });
});
