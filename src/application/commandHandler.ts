import { LRUCache } from "lru-cache";
import type { Decider, DomainEvent } from "../domain/shared/decider.ts";
import { ConcurrencyError, type EventToAppend } from "../ports/eventStore.ts";
import {
  type AppendListener,
  type CommandContext,
  type CommandHandlerOptions,
  eventIdFor,
  type Folded,
  type HandledCommand,
  type LoadOptions,
} from "./commandTypes.ts";
import type { EventLog } from "./eventLog.ts";
import { SharedReads } from "./sharedReads.ts";
import type { StateSnapshots } from "./snapshots/sealedSnapshots.ts";

export type { AppendListener, CommandContext, CommandHandlerOptions, HandledCommand, LoadOptions };
export { eventIdFor };

/**
 * Reads a stream, folds it, decides, and appends with the expected revision. Commands to one
 * stream from this process run one at a time, in the order they were issued, so they never race
 * each other; a conflict with another process is retried.
 */
export class CommandHandler {
  readonly #events: EventLog;
  readonly #maxAttempts: number;
  readonly #cache: LRUCache<string, Folded<unknown>>;
  readonly #tails = new Map<string, Promise<unknown>>();
  readonly #reads = new SharedReads<Folded<unknown>>();
  readonly #snapshots: (decider: object) => StateSnapshots<unknown> | undefined;
  readonly #appendListeners = new Set<AppendListener>();
  readonly #forgetListeners = new Set<(isGone: (streamId: string) => boolean) => void>();

  constructor(events: EventLog, options: CommandHandlerOptions = {}) {
    this.#events = events;
    this.#snapshots = options.snapshots ?? (() => undefined);
    this.#maxAttempts = options.maxAttempts ?? 12;
    this.#cache = new LRUCache({ max: options.cacheSize ?? 5_000 });
  }

  async handle<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    command: Command,
    context: CommandContext,
  ): Promise<HandledCommand<State, Event>> {
    return this.handleAll(decider, streamId, [command], context);
  }

  /**
   * Decides several commands in turn, each against the state the previous ones left, and appends
   * all their events at once: either every step is stored or none is.
   */
  handleAll<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    commands: readonly Command[],
    context: CommandContext,
  ): Promise<HandledCommand<State, Event>> {
    return this.#oneAtATime(streamId, () => this.#decideAndAppend(decider, streamId, commands, context));
  }

  async #oneAtATime<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(streamId);
    const run = previous ? previous.then(work) : work();
    const tail = run.catch(() => {});
    this.#tails.set(streamId, tail);
    try {
      return await run;
    } finally {
      if (this.#tails.get(streamId) === tail) this.#tails.delete(streamId);
    }
  }

  async #decideAndAppend<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    commands: readonly Command[],
    context: CommandContext,
  ): Promise<HandledCommand<State, Event>> {
    // The first attempt decides on the cached state without reading: the append's expected
    // revision proves it current. Whatever it cannot prove (a rejection, nothing to do, a
    // conflict) is decided again on the stream as stored.
    let trustCache = this.#cache.has(streamId);
    for (let attempt = 1; ; attempt++) {
      const fromCache = trustCache;
      trustCache = false;
      const folded = fromCache
        ? (this.#cache.get(streamId) as Folded<State>)
        : await this.load(decider, streamId);
      const events: Event[] = [];
      let decided = folded.state;
      try {
        for (const command of commands) {
          const produced = decider.decide(command, decided);
          decided = produced.reduce(decider.evolve, decided);
          events.push(...produced);
        }
      } catch (error) {
        if (fromCache) continue;
        throw error;
      }
      if (events.length === 0) {
        if (fromCache) continue;
        return { state: folded.state, events, revision: folded.revision, position: null };
      }
      const toAppend = events.map((event, index) => this.#envelope(event, index, context));
      try {
        const result = await this.#events.append(streamId, toAppend, folded.revision ?? "no_stream");
        const state = events.reduce(decider.evolve, folded.state);
        if (!result.idempotent) {
          const first = result.nextRevision - events.length + 1;
          for (const listener of this.#appendListeners) listener(streamId, events, first);
        }
        this.#keep(decider, streamId, {
          state,
          revision: result.nextRevision,
          snapshotAt: folded.snapshotAt,
          currentAt: performance.now(),
        });
        return { state, events, revision: result.nextRevision, position: result.position };
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= this.#maxAttempts) throw error;
        if (fromCache) continue;
        // Another process wrote first: back off a little more each time, with jitter.
        await delay(Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random()));
      }
    }
  }

  /**
   * The current state of a stream, from the cache plus whatever was appended since. Loads of one
   * stream made while a read of it is under way share the next read, which starts after them:
   * a burst of turns with one agent reads the agent's stream a few times, not once per turn.
   */
  async load<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    options: LoadOptions = {},
  ): Promise<Folded<State>> {
    const cached = this.#cache.get(streamId) as Folded<State> | undefined;
    const known = options.atLeastRevision;
    if (cached && known !== undefined && cached.revision !== null && cached.revision >= known) return cached;
    const fresh = options.freshWithinMs ?? -1;
    if (cached?.currentAt !== undefined && performance.now() - cached.currentAt <= fresh) return cached;
    return this.#reads.read(streamId, () => this.#readAndFold(decider, streamId)) as Promise<Folded<State>>;
  }

  async #readAndFold<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
  ): Promise<Folded<State>> {
    const currentAt = performance.now();
    let cached = this.#cache.get(streamId) as Folded<State> | undefined;
    const snapshot = cached ? null : await this.#snapshotsOf<State>(decider)?.load(streamId);
    if (snapshot) cached = { ...snapshot, snapshotAt: snapshot.revision };
    const fromRevision = cached?.revision == null ? 0 : cached.revision + 1;
    const recorded = await this.#events.readStream(streamId, { fromRevision });
    let state = cached ? cached.state : decider.initialState();
    let revision = cached ? cached.revision : null;
    for (const event of recorded) {
      // A stream holds only its own aggregate's events, so the decider knows every one of them.
      state = decider.evolve(state, event as DomainEvent as Event);
      revision = event.revision;
    }
    const folded: Folded<State> = { state, revision, snapshotAt: cached?.snapshotAt, currentAt };
    // An append made while this read was under way may have cached a later state already.
    const now = this.#cache.get(streamId);
    if (now && now.revision !== null && (revision === null || now.revision > revision)) {
      return now as Folded<State>;
    }
    if (recorded.length > 0 || snapshot || cached) return this.#keep(decider, streamId, folded);
    return folded;
  }

  /** Caches a stream's state and, every so many events, stores a snapshot of it beside the work. */
  #keep<State>(decider: object, streamId: string, folded: Folded<State>): Folded<State> {
    const snapshots = this.#snapshotsOf<State>(decider);
    const { state, revision } = folded;
    const kept =
      snapshots && revision !== null && revision - (folded.snapshotAt ?? -1) >= snapshots.every
        ? { ...folded, snapshotAt: revision }
        : folded;
    this.#cache.set(streamId, kept);
    if (kept !== folded) void snapshots!.save(streamId, state, revision!);
    return kept;
  }

  #snapshotsOf<State>(decider: object): StateSnapshots<State> | undefined {
    return this.#snapshots(decider) as StateSnapshots<State> | undefined;
  }

  /** Calls `listener` with every append this handler makes from now on; returns the unsubscribe. */
  onAppended(listener: AppendListener): () => void {
    this.#appendListeners.add(listener);
    return () => this.#appendListeners.delete(listener);
  }

  /**
   * Drops what is held in memory of every stream `isGone` picks (an erased person's): the cached
   * states here, and what those listening with `onForget` keep beside them.
   */
  forgetWhere(isGone: (streamId: string) => boolean): void {
    for (const streamId of [...this.#cache.keys()]) if (isGone(streamId)) this.#cache.delete(streamId);
    for (const listener of this.#forgetListeners) listener(isGone);
  }

  onForget(listener: (isGone: (streamId: string) => boolean) => void): () => void {
    this.#forgetListeners.add(listener);
    return () => this.#forgetListeners.delete(listener);
  }

  #envelope(event: DomainEvent, index: number, context: CommandContext): EventToAppend {
    return this.#events.toAppend(event, eventIdFor(context.commandId, index), {
      occurredAt: context.now.toISOString(),
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: context.actor,
      requestId: context.requestId,
    });
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
