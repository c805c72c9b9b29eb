import net from "node:net";

export interface RawAnswer {
  /** The status of the first response, or null when the server closed without one. */
  status: number | null;
}

/**
 * Writes the bytes on a fresh loopback connection; resolves with the first response's status as
 * soon as its status line arrives, or with null when the server closes the connection without one.
 * A server still waiting for more bytes after `idleMs` is told nothing more is coming (the client
 * half-closes), and the exchange ends with whatever the server does then.
 */
export function exchange(port: number, bytes: Buffer, idleMs = 1_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    let received = "";
    const finish = (status: number | null) => {
      socket.destroy();
      resolve({ status });
    };
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      received += chunk;
      const line = received.indexOf("\r\n");
      if (line < 0) return;
      const match = /^HTTP\/\d\.\d (\d{3})/.exec(received.slice(0, line));
      finish(match ? Number(match[1]) : null);
    });
    socket.on("error", () => finish(null));
    socket.on("close", () => finish(null));
    socket.setTimeout(idleMs, () => {
      socket.setTimeout(0);
      socket.end();
    });
    socket.write(bytes);
  });
}

/** Runs `work` over the items with at most `width` at a time. */
export async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
