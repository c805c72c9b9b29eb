import type { Position, RecordedEvent, SubscribeOptions } from "../../ports/eventStore.ts";
import { START } from "../../ports/eventStore.ts";
import { ForwardingEventStore } from "../forwardingEventStore.ts";
import { TailWindow } from "./tailWindow.ts";

/**
 * Any event store, with one reader of the global log per process: the projector, every reactor
 * and the live feed subscribe to all events, and once caught up they are all fed from the same
 * reads (and the same wake-up) instead of each reading the log after every commit. A subscriber
 * behind the shared window reads on its own until it reaches it; each keeps its own place, so
 * checkpoints and leases work as before.
 */
export class SharedTailEventStore extends ForwardingEventStore {
  #window: TailWindow | null = null;

  override async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    const signal = options.signal ?? new AbortController().signal;
    const batchSize = options.batchSize ?? 1_000;
    let after = options.after ?? START;
    const me = {};
    const window = await this.#join(me, after);
    try {
      while (!signal.aborted) {
        const shared = await window.next(after, batchSize, signal);
        const batch = shared ?? (await this.inner.readAll({ after, maxCount: batchSize }));
        if (batch.length === 0) {
          // Behind the window yet nothing to read: a store whose reads lag its subscription.
          if (shared === null) await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        after = batch.at(-1)!.position;
        window.track(me, after);
        yield batch;
      }
    } finally {
      window.track(me, null);
      if (window.subscribers === 0 && this.#window === window) {
        this.#window = null;
        window.close();
      }
    }
  }

  /** Joins the window every subscriber shares, opened at the head when there is none (or it failed). */
  async #join(subscriber: object, after: Position): Promise<TailWindow> {
    const head = this.#usable(this.#window) ? null : await this.inner.headPosition();
    let window = this.#window;
    if (!this.#usable(window)) {
      this.#window?.close();
      const start = head === null || this.inner.comparePositions(after, head) > 0 ? after : head;
      window = new TailWindow(this.inner, start);
      this.#window = window;
    }
    window.track(subscriber, after);
    return window;
  }

  #usable(window: TailWindow | null): window is TailWindow {
    return window !== null && !window.failed;
  }

  override async close(): Promise<void> {
    this.#window?.close();
    this.#window = null;
    await this.inner.close();
  }
}
