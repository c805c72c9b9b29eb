import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { coalesceSocketWrites, TOO_SLOW_CLOSE_CODE } from "../../src/graphql/socketWrites.ts";
import { eventually } from "../support/coreHarness.ts";

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

const CAP = 64 * 1024;

/** A server-side socket with coalesced writes, and what its client receives. */
async function pair(onOverflow?: (bytes: number) => void): Promise<{
  socket: WebSocket;
  client: WebSocket;
  received: string[];
}> {
  const server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  const accepted = new Promise<WebSocket>((resolve) => server.once("connection", resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on("message", (data) => received.push(String(data)));
  const socket = await accepted;
  coalesceSocketWrites(socket, { maxBufferedBytes: CAP, ...(onOverflow ? { onOverflow } : {}) });
  await new Promise((resolve) =>
    client.readyState === WebSocket.OPEN ? resolve(null) : client.once("open", resolve),
  );
  return { socket, client, received };
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

  it("sends a single frame larger than the cap to a client that keeps up", async () => {
    const { socket, received } = await pair();
    const big = "x".repeat(CAP * 3);
    socket.send(big, () => {});
    socket.send("after", () => {});

    await eventually(async () => received.length === 2);
    expect(received[0]!.length).toBe(big.length);
    expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it("closes with 4413 once a client that stopped reading leaves more than the cap unread", async () => {
    const overflows: number[] = [];
    const { socket, client } = await pair((bytes) => overflows.push(bytes));
    const closed = new Promise<number>((resolve) => client.once("close", (code) => resolve(code)));
    (client as unknown as { _socket: { pause(): void } })._socket.pause();
    const frame = "y".repeat(16 * 1024);
    let sent = 0;
    let largest = 0;
    // The kernel's buffers take a few megabytes before anything waits in the process.
    while (overflows.length === 0 && sent < 20_000) {
      await new Promise<void>((resolve) => socket.send(frame, () => resolve()));
      sent++;
      await new Promise((resolve) => setImmediate(resolve));
      largest = Math.max(largest, socket.bufferedAmount);
    }

    expect(overflows).toHaveLength(1);
    expect(largest).toBeLessThanOrEqual(CAP + frame.length + 64);
    for (let i = 0; i < 100; i++) socket.send(frame, () => {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(socket.bufferedAmount).toBeLessThanOrEqual(CAP + frame.length + 64);
    (client as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toBe(TOO_SLOW_CLOSE_CODE);
  });
});
