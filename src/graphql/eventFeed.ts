import type { CommandHandler } from "../application/commandHandler.ts";
import type { EventLog, WithmeStoredEvent } from "../application/eventLog.ts";
import {
  type EventProcessor,
  memoryCheckpoints,
  runEventProcessor,
} from "../application/processing/eventProcessor.ts";
import type { TurnPriority } from "../application/processing/turnPriority.ts";
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
  /** This process's own appends, handed to their watchers as they return. */
  commands?: Pick<CommandHandler, "onAppended">;
  /** Where this process writes replies: handovers wait for replies' first words, as other later work does. */
  turns?: Pick<TurnPriority, "yieldToTurns"> | null;
}

/**
 * A watched stream's handovers: the run of revisions handed over and not yet passed in the
 * global order (-1 to -1 for none), the newest revision the global order brought, and how many
 * handovers wait for their turn.
 */
interface Handovers {
  from: number;
  to: number;
  logged: number;
  waiting: number;
}

/**
 * One subscription to every committed event for this API process, fanned out by stream id: a
 * live GraphQL subscription watches the streams it shows and is handed their new events, each
 * read once for all its watchers; it reads a stream itself only when what it was handed does not
 * follow on from its cursor. Nothing here is a source of truth; a missed wake-up is caught by the next one.
 * Every API process runs its own (no lease), from the head when it starts.
 *
 * What this process appends itself goes to its watchers once the append returns, without waiting
 * for the round trip through the global order (whose readers wait for every older transaction to
 * end, tens of milliseconds under load); when the same events come by in the global order they
 * are passed over. Like other work that can come later, a handover waits while a reply has not
 * shown its first words, and is dropped if the global order brings its events meanwhile. Watchers
 * see each revision once either way: a cursor takes only events that follow on from it, and
 * reads the stream for any gap another process's append leaves.
 */
export class CommittedEventFeed {
  readonly #deps: EventFeedDependencies;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #handovers = new Map<string, Handovers>();
  readonly #controller = new AbortController();
  #running: Promise<void> | null = null;
  #unhook: (() => void) | undefined;

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
    this.#unhook = this.#deps.commands?.onAppended((streamId, _events, _first, recorded) =>
      this.#handOver(streamId, recorded),
    );
    this.#running = runEventProcessor(
      processor,
      { ...this.#deps, eventStore: store },
      this.#controller.signal,
    );
  }

  /** Events just appended here, to the stream's watchers once no reply waits for its first words. */
  #handOver(streamId: string, recorded: readonly RecordedEvent[]): void {
    if (!this.#listeners.has(streamId) || recorded.length === 0) return;
    const read = this.#read(recorded);
    // Unreadable here: the global order brings them, and the watchers read the stream then.
    if (read.length === 0) return;
    let handovers = this.#handovers.get(streamId);
    if (!handovers) {
      handovers = { from: -1, to: -1, logged: -1, waiting: 0 };
      this.#handovers.set(streamId, handovers);
    }
    const marks = handovers;
    marks.waiting++;
    const deliver = () => {
      marks.waiting--;
      const listeners = this.#listeners.get(streamId);
      const fresh = read.filter((event) => event.revision > marks.logged);
      if (listeners && this.#handovers.get(streamId) === marks && fresh.length > 0) {
        const from = fresh[0]!.revision;
        const revision = fresh.at(-1)!.revision;
        // Revisions handed before a gap (another process's append) come again in the global order.
        if (marks.to === from - 1) marks.to = revision;
        else [marks.from, marks.to] = [from, revision];
        for (const listener of listeners) listener(revision, fresh);
      }
      this.#tidy(streamId, marks);
    };
    if (this.#deps.turns) void this.#deps.turns.yieldToTurns().then(deliver);
    else deliver();
  }

  #tidy(streamId: string, marks: Handovers): void {
    if (marks.waiting === 0 && marks.to === -1 && this.#handovers.get(streamId) === marks)
      this.#handovers.delete(streamId);
  }

  /** The batch's events of each watched stream not handed over already, in order. */
  #watchedIn(batch: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
    const watched = new Map<string, RecordedEvent[]>();
    for (const event of batch) {
      if (!this.#listeners.has(event.streamId)) continue;
      const marks = this.#handovers.get(event.streamId);
      if (marks) {
        marks.logged = Math.max(marks.logged, event.revision);
        const handed = event.revision >= marks.from && event.revision <= marks.to;
        if (event.revision >= marks.to) {
          [marks.from, marks.to] = [-1, -1];
          this.#tidy(event.streamId, marks);
        }
        if (handed) continue;
      }
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
      if (listeners.size > 0) return;
      this.#listeners.delete(streamId);
      this.#handovers.delete(streamId);
    };
  }

  get watchedStreams(): number {
    return this.#listeners.size;
  }

  async stop(): Promise<void> {
    this.#unhook?.();
    this.#controller.abort();
    await this.#running;
  }
}
