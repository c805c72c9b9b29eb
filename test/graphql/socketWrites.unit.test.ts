import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { coalesceSocketWrites } from "../../src/graphql/socketWrites.ts";
import { eventually } from "../support/coreHarness.ts";

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server-side socket with coalesced writes, and what its client receives. */
async function pair(): Promise<{ socket: WebSocket; received: string[] }> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const accepted = new Promise<WebSocket>((resolve) => server.once("connection", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on("message", (data) => received.push(String(data)));
  const socket = await accepted;
  coalesceSocketWrites(socket);
  return { socket, received };
}

describe("coalesceSocketWrites", () => {
  it("reports a send done at once and delivers every frame in order", async () => {
    const { socket, received } = await pair();
    const done: number[] = [];
    for (let i = 0; i < 5; i++) socket.send(`frame ${i}`, () => done.push(i));

    expect(done).toEqual([0, 1, 2, 3, 4]);
    await eventually(async () => received.length === 5);
    expect(received).toEqual([0, 1, 2, 3, 4].map((i) => `frame ${i}`));
  });

  it("waits for the write when much is buffered, so a slow client holds its sender back", async () => {
    const { socket, received } = await pair();
    const big = "x".repeat(300 * 1024);
    socket.send(big, () => {});
    let written = false;
    socket.send("after", () => {
      written = true;
    });

    expect(written).toBe(false);
    await eventually(async () => written);
    await eventually(async () => received.length === 2);
    expect(received[1]).toBe("after");
  });
});
