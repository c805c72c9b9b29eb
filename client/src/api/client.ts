import { persistedHashes } from "virtual:persisted-operations";
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient as createWsClient } from "graphql-ws";
import { closedForErasure } from "../auth/accountErased.ts";
import type { ConnectionStatusStore } from "./connectionStatus.ts";
import { persistedOperationsExchange } from "./persistedExchange.ts";

export interface ApiClientOptions {
  /** Read on every request and every (re)connection, so a refreshed token is used at once. */
  token: () => string | null;
  status: ConnectionStatusStore;
  /** The server refused the token on the socket (close code 4403). */
  onRefused: () => void;
  /** The server closed the socket because the person's account was erased (4403, saying so). */
  onErased: () => void;
}

/** Variables a subscription re-sends with when the socket reconnects (e.g. the last revision seen). */
export type ResumeVariables = () => Record<string, unknown>;

const FORBIDDEN = 4403;

function socketUrl(): string {
  const url = new URL("/graphql", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

const isClose = (value: unknown): value is CloseEvent =>
  typeof value === "object" && value !== null && "code" in value && "reason" in value;

/** urql over HTTP for queries and mutations and over graphql-ws for subscriptions. */
export function createApiClient(options: ApiClientOptions): { client: Client; dispose: () => void } {
  const { status } = options;
  let connectedOnce = false;
  const socket = createWsClient({
    url: socketUrl(),
    lazy: true,
    lazyCloseTimeout: 5_000,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !(isClose(event) && event.code === FORBIDDEN),
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(resolve, Math.min(8_000, 300 * 2 ** retries) + Math.random() * 300),
      ),
    connectionParams: () => {
      const token = options.token();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connecting: () => status.set(connectedOnce ? "reconnecting" : "connecting"),
      connected: () => {
        connectedOnce = true;
        status.set("connected");
      },
      closed: (event) => {
        const code = isClose(event) ? event.code : 0;
        if (isClose(event) && closedForErasure(event.code, event.reason)) options.onErased();
        else if (code === FORBIDDEN) options.onRefused();
        // 1000 is the lazy close once nothing is subscribed: nothing to come back for.
        status.set(connectedOnce && code !== 1000 && code !== FORBIDDEN ? "reconnecting" : "idle");
      },
    },
  });
  const client = new Client({
    url: "/graphql",
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: (): RequestInit => {
      const token = options.token();
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
    exchanges: [
      cacheExchange,
      persistedOperationsExchange(persistedHashes),
      subscriptionExchange({
        forwardSubscription: (request, operation) => {
          const resume = operation.context.resumeVariables as ResumeVariables | undefined;
          const payload = {
            operationName: request.operationName,
            query: request.query ?? "",
            extensions: request.extensions,
            // graphql-ws sends this same object again after a reconnect: read the variables then.
            get variables() {
              return resume ? { ...request.variables, ...resume() } : request.variables;
            },
          };
          return {
            subscribe: (sink) => ({ unsubscribe: socket.subscribe(payload, sink) }),
          };
        },
      }),
      fetchExchange,
    ],
  });
  return {
    client,
    dispose: () => {
      void socket.dispose();
      status.set("idle");
    },
  };
}
