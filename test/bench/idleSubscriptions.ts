import { once } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";
import type { IdleSubscription } from "./idleSubscriberThread.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The main thread's live heap after full collections. */
export function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

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
  await until(() => openOnServer() === 0, "no subscription is open");
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
  await until(open, "every subscription is open on the server");
  const after = heapUsed();
  clients.postMessage("close");
  await exited;
  await until(() => openOnServer() === 0, "every subscription has ended on the server");
  return (after - before) / subscriptions.length;
}
