import type { DomainEvent } from "../domain/shared/decider.ts";
import type { Position } from "../ports/eventStore.ts";
import { uuidv5 } from "./nameUuid.ts";
import type { StateSnapshots } from "./snapshots/sealedSnapshots.ts";

const EVENT_ID_NAMESPACE = "6f1c2a53-7b0e-4d55-9a57-2f0e8c1d9b11";

/** Who asks, why, and when: stamped on every event a command produces. */
export interface CommandContext {
  /** Makes event ids deterministic, so re-running the same command never writes twice. */
  commandId: string;
  actor: string;
  requestId: string | null;
  correlationId: string;
  causationId: string | null;
  now: Date;
}

export interface HandledCommand<State, Event> {
  state: State;
  events: Event[];
  /** Revision of the stream's last event after the command, or null when the stream does not exist. */
  revision: number | null;
  position: Position | null;
}

export interface Folded<State> {
  state: State;
  revision: number | null;
  /** The revision of the stream's latest stored snapshot, as far as this process knows. */
  snapshotAt?: number;
  /** `performance.now()` when the state was last known to be the stream's latest: a read began, or an append went in. */
  currentAt?: number;
}

export interface LoadOptions {
  /**
   * The caller knows the stream holds at least this revision (it was handed the event): a cached
   * state that far along is current enough, and nothing is read.
   */
  atLeastRevision?: number;
  /**
   * A cached state known to be the stream's latest at most this many milliseconds ago is current
   * enough, and nothing is read: for checks and context that may lag another process's write by
   * that much (this process's own writes update the cache as they are made).
   */
  freshWithinMs?: number;
}

/** Events this handler just stored on a stream, the first of them at `firstRevision`, the last at `position`. */
export type AppendListener = (
  streamId: string,
  events: readonly DomainEvent[],
  firstRevision: number,
  position: Position,
) => void;

export interface CommandHandlerOptions {
  maxAttempts?: number;
  cacheSize?: number;
  /** The stored snapshots of the streams a decider folds, for the deciders whose streams grow long. */
  snapshots?: (decider: object) => StateSnapshots<unknown> | undefined;
}

export function eventIdFor(commandId: string, index: number): string {
  return uuidv5(`${commandId}:${index}`, EVENT_ID_NAMESPACE);
}
