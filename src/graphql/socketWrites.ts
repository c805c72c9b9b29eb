import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";

/** Bytes a connection may have waiting to be sent before it is closed as too slow (8 MiB). */
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * The close code for a client that does not read what it is sent: a 4xxx code graphql-ws clients
 * retry on, so they reconnect and resume with `afterRevision`.
 */
export const TOO_SLOW_CLOSE_CODE = 4413;

type SendCallback = (error?: Error) => void;
type Send = (data: string, options?: object | SendCallback, callback?: SendCallback) => void;
type Options = Exclude<Parameters<Send>[1], SendCallback | undefined>;

export interface SocketWriteLimits {
  /** Past this many bytes waiting to be written, the socket is closed with `TOO_SLOW_CLOSE_CODE`. */
  maxBufferedBytes: number;
  /** Told once when the socket is closed for it, with the bytes that were waiting. */
  onOverflow?(bufferedBytes: number): void;
}

const corked = new Set<Duplex>();
// Bytes each socket still had waiting when this turn's first frame was sent to it: the frames of
// one turn are counted from the next turn on, so a burst to a client that keeps up is not taken
// for one that does not.
const waitingAtTurnStart = new Map<WebSocket, number>();
let turnEnding = false;

/**
 * graphql-ws sends a subscription's next result only once the previous frame has been written,
 * so a reply's pieces, and every other event, each wait a turn of the event loop and go out in a
 * system call of their own, per subscriber. Here every send is reported done at once and the
 * frames of one turn leave each socket in one write. Nothing waits on a slow client, so nothing
 * piles up in the subscriptions' queues either: what it has not read waits in the socket's buffer,
 * and once more than `maxBufferedBytes` waits there the connection is closed. The check counts
 * what was waiting before this turn's frames, so a single frame (or a burst) larger than the cap
 * still reaches a client that keeps up.
 */
export function coalesceSocketWrites(ws: WebSocket, limits: SocketWriteLimits): void {
  const raw = (ws as unknown as { _socket?: Duplex })._socket;
  const send = ws.send.bind(ws) as Send;
  let overflowed = false;
  (ws as unknown as { send: Send }).send = (data, options, callback) => {
    const done = typeof options === "function" ? (options as SendCallback) : callback;
    const opts: Options = typeof options === "function" ? {} : (options ?? {});
    if (!turnEnding) {
      turnEnding = true;
      process.nextTick(endTurn);
    }
    let waiting = waitingAtTurnStart.get(ws);
    if (waiting === undefined) {
      waiting = ws.bufferedAmount;
      waitingAtTurnStart.set(ws, waiting);
    }
    if (waiting > limits.maxBufferedBytes) {
      if (!overflowed) {
        overflowed = true;
        limits.onOverflow?.(waiting);
        ws.close(TOO_SLOW_CLOSE_CODE, "Too slow: too much is waiting to be sent; reconnect and resume");
      }
      done?.();
      return;
    }
    if (raw && !corked.has(raw) && typeof raw.cork === "function") {
      raw.cork();
      corked.add(raw);
    }
    // A failed write closes the socket, which ends its subscriptions; there is no one else to tell.
    send(data, opts, () => {});
    done?.();
  };
}

function endTurn(): void {
  turnEnding = false;
  waitingAtTurnStart.clear();
  for (const socket of corked) socket.uncork();
  corked.clear();
}
