import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestApi, type TestApi } from "./apiHarness.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ WITHME_WS_KEEP_ALIVE_MS: "200" }, ["api"]);
});
afterAll(async () => api?.close());

/** A signed-in graphql-ws connection spoken by hand; `answersPings: false` stops its pongs. */
async function connection(answersPings: boolean) {
  const ws = new WebSocket(api.wsUrl, "graphql-transport-ws", { autoPong: answersPings });
  const pinged = new Promise<void>((resolve) => ws.once("ping", () => resolve()));
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  await new Promise((resolve) => ws.once("open", resolve));
  ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: "Bearer dev:pinged" } }));
  return { ws, pinged, closed };
}

describe("WITHME_WS_KEEP_ALIVE_MS", () => {
  it("sets how often a connection is pinged, and one that does not answer is dropped", async () => {
    const answering = await connection(true);
    const silent = await connection(false);
    await Promise.all([answering.pinged, silent.pinged]);
    // 1006: dropped without a close frame, as a dead connection is.
    expect(await silent.closed).toBe(1006);
    // The one that answers outlives it, and is pinged again after.
    await new Promise<void>((resolve) => answering.ws.once("ping", () => resolve()));
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    answering.ws.close();
  });
});
