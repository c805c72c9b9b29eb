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
import { StreamStates } from "./streamStates.ts";

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
  readonly #states: StreamStates;
  readonly #tails = new Map<string, Promise<unknown>>();
  readonly #appendListeners = new Set<AppendListener>();
  readonly #forgetListeners = new Set<(isGone: (streamId: string) => boolean) => void>();

  constructor(events: EventLog, options: CommandHandlerOptions = {}) {
    this.#events = events;
    this.#maxAttempts = options.maxAttempts ?? 12;
    this.#states = new StreamStates(events, options);
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
    let trustCache = this.#states.has(streamId);
    for (let attempt = 1; ; attempt++) {
      const fromCache = trustCache;
      trustCache = false;
      const folded = fromCache
        ? (this.#states.cached(streamId) as Folded<State>)
        : await this.load(decider, streamId);
      const events: Event[] = [];
      let decided = folded.state;
      try {
        for (const command of commands) {
          const produced = decider.decide(command, decided);
          decided = produced.reduce(decider.evolve, decided);
          // One by one: an imported chat decides more events than a call may take as arguments.
          for (const event of produced) events.push(event);
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
        // What was decided is what is now stored: the events were folded once already, in order.
        const state = decided;
        if (!result.idempotent) {
          const first = result.nextRevision - events.length + 1;
          for (const listener of this.#appendListeners) listener(streamId, events, first, result.position);
        }
        this.#states.keep(decider, streamId, {
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
   * stream made while a read of it is under way share the next read.
   */
  load<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    streamId: string,
    options: LoadOptions = {},
  ): Promise<Folded<State>> {
    return this.#states.load(decider, streamId, options);
  }

  /** The state this handler last folded for the stream, read from nowhere: null when it holds none. */
  cachedState<State, Command, Event extends DomainEvent>(
    _decider: Decider<State, Command, Event>,
    streamId: string,
  ): State | null {
    return (this.#states.cached(streamId)?.state as State | undefined) ?? null;
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
    this.#states.forgetWhere(isGone);
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
