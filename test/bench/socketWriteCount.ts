import net from "node:net";
import WebSocket from "ws";

/** Writes and bytes the servers in this process handed to their accepted sockets. */
export interface SocketWrites {
  writes: number;
  bytes: number;
  /** Keep-alive pings the servers sent: a write each when nothing else goes out with them. */
  pings: number;
}

type Chunk = { chunk: Buffer | string } | Buffer | string;
const sizeOf = (chunk: Chunk): number =>
  typeof chunk === "string"
    ? Buffer.byteLength(chunk)
    : Buffer.isBuffer(chunk)
      ? chunk.length
      : sizeOf(chunk.chunk);

const counted: SocketWrites = { writes: 0, bytes: 0, pings: 0 };
let installed = false;

/**
 * Counts every write an accepted (server-side) socket makes, one per system call the stream asks
 * for, however many frames it carries: a load-independent measure of how the server sends.
 * Client sockets in the same process are not counted.
 */
export function countServerSocketWrites(): () => SocketWrites {
  if (!installed) {
    installed = true;
    const proto = net.Socket.prototype as unknown as {
      _write(chunk: Chunk, encoding: string, cb: () => void): void;
      _writev(chunks: Chunk[], cb: () => void): void;
      server?: unknown;
    };
    const write = proto._write;
    const writev = proto._writev;
    proto._write = function (this: typeof proto, chunk, encoding, cb) {
      if (this.server) {
        counted.writes++;
        counted.bytes += sizeOf(chunk);
      }
      return write.call(this, chunk, encoding, cb);
    };
    const socket = WebSocket.prototype as unknown as { ping(...args: unknown[]): void; _isServer: boolean };
    const ping = socket.ping;
    socket.ping = function (this: typeof socket, ...args) {
      if (this._isServer) counted.pings++;
      return ping.apply(this, args);
    };
    proto._writev = function (this: typeof proto, chunks, cb) {
      if (this.server) {
        counted.writes++;
        for (const chunk of chunks) counted.bytes += sizeOf(chunk);
      }
      return writev.call(this, chunks, cb);
    };
  }
  const start = { ...counted };
  return () => ({
    writes: counted.writes - start.writes,
    bytes: counted.bytes - start.bytes,
    pings: counted.pings - start.pings,
  });
}
