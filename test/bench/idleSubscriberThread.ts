import { parentPort, workerData } from "node:worker_threads";
import type { Client } from "graphql-ws";
import { wsClient } from "./bareGraphqlWs.ts";

/** One subscription over a connection of its own, as a browser tab holds it. */
export interface IdleSubscription {
  token?: string;
  query: string;
  variables: Record<string, unknown>;
}

const { url, subscriptions } = workerData as { url: string; subscriptions: IdleSubscription[] };
/** Connections opened before waiting for the last one: a thousand at once overflow the listen backlog. */
const CONNECTING_AT_ONCE = 50;

const clients: Client[] = [];
for (const [k, subscription] of subscriptions.entries()) {
  const client = wsClient(url, subscription.token);
  clients.push(client);
  client.subscribe(
    { query: subscription.query, variables: subscription.variables },
    { next: () => {}, error: () => {}, complete: () => {} },
  );
  if (k % CONNECTING_AT_ONCE === CONNECTING_AT_ONCE - 1)
    await new Promise((resolve) => client.on("connected", resolve));
}
parentPort!.once("message", async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  process.exit(0);
});
