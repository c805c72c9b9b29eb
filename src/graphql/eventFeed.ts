import {
  type EventProcessor,
  memoryCheckpoints,
  runEventProcessor,
} from "../application/processing/eventProcessor.ts";
import type { Logger } from "../observability/logger.ts";
import type { Clock } from "../ports/clock.ts";
import type { EventStore } from "../ports/eventStore.ts";
import type { Leases } from "../ports/lease.ts";

type Listener = (revision: number) => void;

export interface EventFeedDependencies {
  eventStore: EventStore;
  leases: Leases;
  clock: Clock;
  logger: Logger;
}

/**
 * One subscription to every committed event for this API process, fanned out by stream id: a
 * live GraphQL subscription watches the streams it shows and reads them from its own cursor when
 * told they moved. Nothing here is a source of truth; a missed wake-up is caught by the next one.
 * Every API process runs its own (no lease), from the head when it starts.
 */
export class CommittedEventFeed {
  readonly #deps: EventFeedDependencies;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #controller = new AbortController();
  #running: Promise<void> | null = null;

  constructor(deps: EventFeedDependencies) {
    this.#deps = deps;
  }

  async start(): Promise<void> {
    const checkpoints = memoryCheckpoints();
    await checkpoints.store(await this.#deps.eventStore.headPosition());
    const processor: EventProcessor = {
      name: "live event feed",
      lease: null,
      errorLevel: "warn",
      batchSize: 500,
      start: async () => (await checkpoints.read())!,
      handle: async (batch) => {
        for (const event of batch) {
          for (const listener of this.#listeners.get(event.streamId) ?? []) listener(event.revision);
        }
        const last = batch.at(-1);
        if (last) await checkpoints.store(last.position);
        return "go on";
      },
      close: async () => {},
    };
    this.#running = runEventProcessor(processor, this.#deps, this.#controller.signal);
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
}
