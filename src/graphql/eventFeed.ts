import type { EventLog, WithmeStoredEvent } from "../application/eventLog.ts";
import {
  type EventProcessor,
  memoryCheckpoints,
  runEventProcessor,
} from "../application/processing/eventProcessor.ts";
import type { Logger } from "../observability/logger.ts";
import type { Clock } from "../ports/clock.ts";
import type { RecordedEvent } from "../ports/eventStore.ts";
import type { Leases } from "../ports/lease.ts";

/** The stream's new revision and its new events, in order; `[]` when they could not be read here. */
type Listener = (revision: number, events: readonly WithmeStoredEvent[]) => void;

export interface EventFeedDependencies {
  events: EventLog;
  leases: Leases;
  clock: Clock;
  logger: Logger;
}

/**
 * One subscription to every committed event for this API process, fanned out by stream id: a
 * live GraphQL subscription watches the streams it shows and is handed their new events, each
 * read once for all its watchers; it reads a stream itself only when what it was handed does not
 * follow on from its cursor. Nothing here is a source of truth; a missed wake-up is caught by the next one.
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
    const store = this.#deps.events.store;
    await checkpoints.store(await store.headPosition());
    const processor: EventProcessor = {
      name: "live event feed",
      lease: null,
      errorLevel: "warn",
      batchSize: 500,
      start: async () => (await checkpoints.read())!,
      handle: async (batch) => {
        for (const [streamId, events] of this.#watchedIn(batch)) {
          const read = this.#read(events);
          const revision = events.at(-1)!.revision;
          for (const listener of this.#listeners.get(streamId) ?? []) listener(revision, read);
        }
        const last = batch.at(-1);
        if (last) await checkpoints.store(last.position);
        return "go on";
      },
      close: async () => {},
    };
    this.#running = runEventProcessor(
      processor,
      { ...this.#deps, eventStore: store },
      this.#controller.signal,
    );
  }

  /** The batch's events of each watched stream, in order. */
  #watchedIn(batch: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
    const watched = new Map<string, RecordedEvent[]>();
    for (const event of batch) {
      if (!this.#listeners.has(event.streamId)) continue;
      const events = watched.get(event.streamId);
      if (events) events.push(event);
      else watched.set(event.streamId, [event]);
    }
    return watched;
  }

  /** Watchers read the stream themselves when its events cannot be read here (an unknown type). */
  #read(events: readonly RecordedEvent[]): WithmeStoredEvent[] {
    try {
      return events.map((event) => this.#deps.events.read(event));
    } catch {
      return [];
    }
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
