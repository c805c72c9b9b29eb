import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";

/** Past this much waiting to be written, a subscription waits for its frames to go out before sending more. */
const BUFFERED_HIGH_WATER_BYTES = 256 * 1024;

type SendCallback = (error?: Error) => void;
type Send = (data: string, options?: object | SendCallback, callback?: SendCallback) => void;
type Options = Exclude<Parameters<Send>[1], SendCallback | undefined>;

const corked = new Set<Duplex>();

/**
 * graphql-ws sends a subscription's next result only once the previous frame has been written,
 * so a reply's pieces, and every other event, each wait a turn of the event loop and go out in a
 * system call of their own, per subscriber. Here a send is reported done at once while little is
 * waiting to be written (a slow client still holds its subscriptions back), and the frames of one
 * turn leave each socket in one write.
 */
export function coalesceSocketWrites(ws: WebSocket): void {
  const raw = (ws as unknown as { _socket?: Duplex })._socket;
  const send = ws.send.bind(ws) as Send;
  (ws as unknown as { send: Send }).send = (data, options, callback) => {
    const done = typeof options === "function" ? (options as SendCallback) : callback;
    const opts: Options = typeof options === "function" ? {} : (options ?? {});
    if (raw && !corked.has(raw) && typeof raw.cork === "function") {
      if (corked.size === 0) process.nextTick(uncorkAll);
      raw.cork();
      corked.add(raw);
    }
    if (!done || ws.bufferedAmount > BUFFERED_HIGH_WATER_BYTES) return send(data, opts, done);
    // A failed write closes the socket, which ends its subscriptions; there is no one else to tell.
    send(data, opts, () => {});
    done();
  };
}

function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.clear();
}
