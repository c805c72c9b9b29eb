import dns, { type LookupAddress } from "node:dns";
import https from "node:https";
import net, { type LookupFunction } from "node:net";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { isIpLiteral, isPublicAddress } from "../../domain/shared/publicHost.ts";

/** A connection refused because the host is (or resolves to) a loopback, private or link-local address. */
export class PrivateAddressError extends Error {
  readonly code = "EPRIVATEADDRESS";
  constructor(host: string) {
    super(`${host} is not a public internet address; only public services are contacted`);
    this.name = "PrivateAddressError";
  }
}

/**
 * A DNS lookup that refuses names resolving to any non-public address. Used as the connection's
 * own lookup, the address checked is the address connected to, so a name that resolves to a
 * public address when registered and to 127.0.0.1 when used (DNS rebinding) is still refused.
 */
export const publicLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused || addresses.length === 0) return callback(new PrivateAddressError(hostname), "", 0);
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

const refusesLiteral = (host: string | null | undefined) =>
  !!host && isIpLiteral(host) && !isPublicAddress(host);

/** An HTTPS agent that connects to public internet addresses only. */
export class PublicOnlyHttpsAgent extends https.Agent {
  constructor(options: https.AgentOptions = {}) {
    super({ ...options, lookup: publicLookup });
  }

  override createConnection(
    options: Parameters<https.Agent["createConnection"]>[0],
    callback?: Parameters<https.Agent["createConnection"]>[1],
  ): ReturnType<https.Agent["createConnection"]> {
    const host = options.host ?? options.hostname;
    if (!refusesLiteral(host)) return super.createConnection(options, callback);
    const socket = new net.Socket();
    process.nextTick(() => socket.destroy(new PrivateAddressError(String(host))));
    return socket;
  }
}

/**
 * `fetch` that reaches public internet addresses only, redirects included (every connection goes
 * through the same check). Close the returned dispatcher when done with it.
 */
export function publicOnlyFetch(): { fetch: typeof fetch; close(): Promise<void> } {
  const connectPublic = buildConnector({ lookup: publicLookup });
  const dispatcher = new Agent({
    connect: (options, callback) => {
      if (refusesLiteral(options.hostname)) return callback(new PrivateAddressError(options.hostname), null);
      return connectPublic(options, callback);
    },
  });
  const guarded = (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    });
  return { fetch: guarded as unknown as typeof fetch, close: () => dispatcher.close() };
}
