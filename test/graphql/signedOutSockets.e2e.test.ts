import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken, startTestApi, type TestApi, wsClient } from "./apiHarness.ts";

let api: TestApi;
const clients: Client[] = [];

beforeAll(async () => {
  api = await startTestApi({ WITHME_WS_MAX_SIGNED_OUT_CONNECTIONS_PER_ADDRESS: "2" });
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await api?.close();
});

/** Opens a connection and resolves with how it went: acknowledged, or closed with a code. */
function outcome(token: string | null): Promise<{ result: number | "connected"; client: Client }> {
  return new Promise((resolve) => {
    const client: Client = wsClient(api.wsUrl, token, (code) => resolve({ result: code, client }));
    clients.push(client);
    client.on("connected", () => resolve({ result: "connected", client }));
  });
}

describe("signed-out WebSocket connections per address", () => {
  it("closes one past the cap with 4429, still lets a person sign in from there, and a later one in", async () => {
    const first = await outcome(null);
    expect(first.result).toBe("connected");
    expect((await outcome(null)).result).toBe("connected");
    expect((await outcome(null)).result).toBe(4429);
    const person = await signToken({ sub: "carla-sockets", name: "Carla" });
    expect((await outcome(person)).result).toBe("connected");

    const closed = new Promise<void>((resolve) => first.client.on("closed", () => resolve()));
    await first.client.dispose();
    await closed;
    // The server forgets the closed socket when it sees the close; ask again until it has.
    let again: number | "connected" = 4429;
    while (again === 4429) again = (await outcome(null)).result;
    expect(again).toBe("connected");
  });
});
