import type { Logger } from "../observability/logger.ts";
import type { EventStore } from "../ports/eventStore.ts";

type Listener = (revision: number) => void;

/**
 * One subscription to every committed event for this API process, fanned out by stream id: a
 * live GraphQL subscription watches the streams it shows and reads them from its own cursor when
 * told they moved. Nothing here is a source of truth; a missed wake-up is caught by the next one.
 */
export class CommittedEventFeed {
  readonly #store: EventStore;
  readonly #logger: Logger;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #controller = new AbortController();
  #running: Promise<void> | null = null;

  constructor(store: EventStore, logger: Logger) {
    this.#store = store;
    this.#logger = logger;
  }

  async start(): Promise<void> {
    const head = await this.#store.headPosition();
    this.#running = this.#follow(head);
  }

  /** Calls `listener` with the new revision whenever the stream gets events; returns the unwatch. */
  watch(streamId: string, listener: Listener): () => void {
    const listeners = this.#listeners.get(streamId) ?? new Set();
    listeners.add(listener);
    this.#listeners.set(streamId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(streamId);
    };
  }

  get watchedStreams(): number {
    return this.#listeners.size;
  }

  async stop(): Promise<void> {
    this.#controller.abort();
    await this.#running;
  }

  async #follow(after: string): Promise<void> {
    let position = after;
    const signal = this.#controller.signal;
    while (!signal.aborted) {
      try {
        for await (const batch of this.#store.subscribeToAll({ after: position, signal, batchSize: 500 })) {
          for (const event of batch) {
            position = event.position;
            for (const listener of this.#listeners.get(event.streamId) ?? []) listener(event.revision);
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        this.#logger.warn({ err: error }, "live event feed interrupted; resubscribing");
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }
}
