import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { eventually } from "../support/coreHarness.ts";
import type { IdleSubscription } from "./idleSubscriberThread.ts";
import { heapUsed } from "./support.ts";

/** Waits until the server's count of open subscriptions says so. */
const until = (condition: () => boolean) => eventually(async () => condition(), 60_000);

/**
 * What the server keeps for each idle subscription: the clients run on a worker thread, whose heap
 * is its own, so the main thread's heap grows only by what the server holds for them. Measured on
 * the second of two passes, so what the first one sets up for good (caches, grown tables) is not
 * counted against every subscription.
 */
export async function serverHeapPerIdleSubscription(
  url: string,
  subscriptions: IdleSubscription[],
  openOnServer: () => number,
): Promise<number> {
  await heapPerSubscriptionOnce(url, subscriptions, openOnServer);
  return heapPerSubscriptionOnce(url, subscriptions, openOnServer);
}

async function heapPerSubscriptionOnce(
  url: string,
  subscriptions: IdleSubscription[],
  openOnServer: () => number,
): Promise<number> {
  await until(() => openOnServer() === 0);
  const before = heapUsed();
  const clients = new Worker(new URL("./idleSubscriberThread.ts", import.meta.url), {
    workerData: { url, subscriptions },
  });
  let failure: Error | undefined;
  clients.on("error", (error) => {
    failure = error;
  });
  const exited = once(clients, "exit").catch(() => undefined);
  const open = () => {
    if (failure) throw failure;
    return openOnServer() >= subscriptions.length;
  };
  await until(open);
  const after = heapUsed();
  clients.postMessage("close");
  await exited;
  await until(() => openOnServer() === 0);
  return (after - before) / subscriptions.length;
}
