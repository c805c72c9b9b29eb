import type http from "node:http";
import type { WebSocket } from "ws";

export const DEFAULT_MAX_SIGNED_OUT_SOCKETS_PER_ADDRESS = 20;

/** How long a socket may stay open without sending `connection_init`; then graphql-ws closes it with 4408. */
export const CONNECTION_INIT_WAIT_MS = 3_000;

/** The close code and reason for a socket past an address's cap (the same code as the per-person cap). */
export function signedOutRefusal(max: number): [number, string] {
  return [4429, `Too many signed-out connections from this address: at most ${max}; sign in or close one`];
}

/** The peer a socket came from, as this process sees it (a proxy in front shows as itself). */
export function addressOf(request: http.IncomingMessage): string {
  return request.socket.remoteAddress ?? "unknown";
}

/**
 * The sockets of each address that signed in as no one. Such a socket can run only what needs no
 * sign-in, so few are ever needed, and each costs the process memory for as long as it stays open.
 * Sockets still waiting to sign in are not counted: they last `CONNECTION_INIT_WAIT_MS` at most,
 * and counting them would refuse people reconnecting at once through a shared proxy.
 */
export class SignedOutSockets {
  readonly #max: number;
  readonly #byAddress = new Map<string, Set<WebSocket>>();

  constructor(maxPerAddress: number) {
    this.#max = maxPerAddress;
  }

  get max(): number {
    return this.#max;
  }

  /** Counts a socket that signed in as no one; false when its address holds the most already. */
  admit(address: string, socket: WebSocket): boolean {
    const sockets = this.#byAddress.get(address) ?? new Set();
    if (sockets.size >= this.#max) return false;
    this.#byAddress.set(address, sockets.add(socket));
    socket.once("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0 && this.#byAddress.get(address) === sockets) this.#byAddress.delete(address);
    });
    return true;
  }
}
