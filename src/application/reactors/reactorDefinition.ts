import type { WithmeEventType } from "../../domain/catalogue.ts";
import type { StoredEventOf, WithmeStoredEvent } from "../eventLog.ts";

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
  /** Work that can come later: each event waits until no reply is waiting for its first words. */
  background?: boolean;
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
