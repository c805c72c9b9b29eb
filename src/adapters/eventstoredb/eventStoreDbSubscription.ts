import type { AllStreamResolvedEvent, AllStreamSubscription } from "@eventstore/db-client";
import type { RecordedEvent } from "../../ports/eventStore.ts";

export interface BatchOptions {
  batchSize: number;
  signal?: AbortSignal;
  /** The event to hand on, or null to leave it out (system events). */
  accept(resolved: AllStreamResolvedEvent): RecordedEvent | null;
}

/**
 * Turns a catch-up subscription into batches: events that arrived together go out together, and a
 * batch waits at most one turn of the event loop for company. The subscription is paused while the
 * consumer lags by several batches (gRPC flow control then holds the server back) and is cancelled
 * when the signal aborts or the consumer stops.
 */
export async function* subscriptionBatches(
  subscription: AllStreamSubscription,
  options: BatchOptions,
): AsyncGenerator<RecordedEvent[]> {
  const { batchSize, signal } = options;
  const queue: RecordedEvent[] = [];
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const onData = (resolved: AllStreamResolvedEvent) => {
    const event = options.accept(resolved);
    if (!event) return;
    queue.push(event);
    if (queue.length >= batchSize * 4) subscription.pause();
    notify();
  };
  const onError = (error: Error) => {
    failure = error;
    notify();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  subscription.on("data", onData);
  subscription.on("error", onError);
  subscription.on("end", onEnd);
  subscription.on("close", onEnd);
  signal?.addEventListener("abort", notify);
  try {
    while (!signal?.aborted) {
      if (queue.length === 0) {
        if (failure) throw failure;
        if (ended) throw new Error("the EventStoreDB subscription to $all ended");
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (queue.length < batchSize) await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) break;
      const batch = queue.splice(0, batchSize);
      if (subscription.isPaused() && queue.length < batchSize) subscription.resume();
      yield batch;
    }
  } finally {
    signal?.removeEventListener("abort", notify);
    subscription.off("data", onData);
    subscription.off("end", onEnd);
    subscription.off("close", onEnd);
    // The error listener stays: an error after cancelling must not go unhandled.
    await subscription.unsubscribe();
  }
}
