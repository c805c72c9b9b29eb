import type { WithmeEventType } from "../../domain/catalogue.ts";
import type { Logger } from "../../observability/logger.ts";
import type { CheckpointStore } from "../../ports/checkpointStore.ts";
import type { Clock } from "../../ports/clock.ts";
import { START } from "../../ports/eventStore.ts";
import type { Leases } from "../../ports/lease.ts";
import type { EventLog, StoredEventOf, WithmeStoredEvent } from "../eventLog.ts";
import { type Checkpoints, type EventProcessor, runEventProcessor } from "../processing/eventProcessor.ts";
import { ReactorTurn } from "./reactorTurn.ts";

/**
 * Something that acts on events: calls a provider, then issues the follow-up command. Handlers
 * must be safe to run again for the same event (they check the aggregate's state first), since
 * after a crash the events after the last checkpoint are handled again.
 */
export interface ReactorDefinition<T extends WithmeEventType = WithmeEventType> {
  name: string;
  /** The event types it reacts to; only these are parsed and handed to it. */
  canHandle: readonly T[];
  /** Events with the same key are handled one at a time, in order; other keys run alongside. */
  keyOf?(event: StoredEventOf<T>): string;
  handle(event: StoredEventOf<T>, signal: AbortSignal): Promise<void>;
  concurrency?: number;
  /** Where a reactor without a checkpoint begins: every event (the default), or only new ones. */
  startAt?: "start" | "head";
  /**
   * Runs while this instance holds the lease; `enqueue` runs work in the same per-key order as
   * events (e.g. work announced on the live bus ahead of the event store).
   */
  whileLeased?(
    signal: AbortSignal,
    enqueue: (key: string, work: (signal: AbortSignal) => Promise<void>) => void,
  ): void;
}

/** A reactor as the runner holds it: its handler takes any event, and is given only those it handles. */
export interface Reactor extends Omit<ReactorDefinition, "keyOf" | "handle"> {
  keyOf(event: WithmeStoredEvent): string;
  handle(event: WithmeStoredEvent, signal: AbortSignal): Promise<void>;
}

/** A reactor from its definition; the event types it names are the ones its handler is typed for. */
export function defineReactor<T extends WithmeEventType>(definition: ReactorDefinition<T>): Reactor {
  const handles = new Set<string>(definition.canHandle);
  const narrow = (event: WithmeStoredEvent): StoredEventOf<T> => {
    if (!handles.has(event.type)) throw new Error(`reactor ${definition.name} does not handle ${event.type}`);
    return event as StoredEventOf<T>;
  };
  return {
    ...definition,
    keyOf: (event) => (definition.keyOf ? definition.keyOf(narrow(event)) : event.streamId),
    handle: (event, signal) => definition.handle(narrow(event), signal),
  };
}

export interface ReactorDependencies {
  events: EventLog;
  checkpoints: CheckpointStore;
  leases: Leases;
  clock: Clock;
  logger: Logger;
}

export interface ReactorOptions {
  /** How long handlers may finish their work on shutdown before they are cut off. */
  drainMs?: number;
}

/** A reactor's checkpoint, kept in the checkpoint table under its name. */
export function storedCheckpoints(store: CheckpointStore, name: string): Checkpoints {
  return { read: () => store.load(name), store: (position) => store.save(name, position) };
}

/** The reactor as an event processor holding the lease `reactor:<name>`. */
export function reactorProcessor(
  reactor: Reactor,
  deps: ReactorDependencies,
  options: ReactorOptions = {},
): EventProcessor {
  const logger = deps.logger.child({ reactor: reactor.name });
  const checkpoints = storedCheckpoints(deps.checkpoints, reactor.name);
  let turn: ReactorTurn | null = null;
  return {
    name: `reactor ${reactor.name}`,
    lease: `reactor:${reactor.name}`,
    async start(signal, lost) {
      const start =
        (await checkpoints.read()) ??
        (reactor.startAt === "head" ? await deps.events.store.headPosition() : START);
      turn = new ReactorTurn(reactor, { ...deps, checkpoints, logger }, start, signal, lost);
      return start;
    },
    async handle(batch) {
      for (const recorded of batch) await turn!.see(recorded);
      return "go on";
    },
    async close() {
      await turn?.close(options.drainMs ?? 15_000);
      turn = null;
    },
  };
}

/** Runs a reactor while holding its lease; another instance takes over when this one dies. */
export function runReactor(
  reactor: Reactor,
  deps: ReactorDependencies,
  signal: AbortSignal,
  options: ReactorOptions = {},
): Promise<void> {
  return runEventProcessor(
    reactorProcessor(reactor, deps, options),
    { eventStore: deps.events.store, leases: deps.leases, clock: deps.clock, logger: deps.logger },
    signal,
  );
}
