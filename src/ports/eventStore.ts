/** Who or what caused an event, and how it relates to the request and the events before it. */
export interface EventMetadata {
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  actor: string;
  requestId: string | null;
  /** Schema version of `data`; readers upcast older versions. */
  schemaVersion: number;
}

export interface EventToAppend {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/**
 * A place in the global order of all events. Opaque outside the adapter that made it; `START` is
 * before every event. Adapters compare and parse their own positions.
 */
export type Position = string;
export const START: Position = "start";

export interface RecordedEvent extends EventToAppend {
  streamId: string;
  revision: number;
  position: Position;
  recordedAt: Date;
}

/** The metadata a projection reads: when the event happened and its data's schema version. */
export type ProjectionMetadata = Pick<EventMetadata, "occurredAt" | "schemaVersion">;

/**
 * A recorded event with only the metadata projections read (a `RecordedEvent` is one too). The
 * time it was recorded is only sure to be there on the last event of a read: a checkpoint keeps
 * the time of the event it stops at, and no projection reads it.
 */
export type ProjectionEvent = Omit<RecordedEvent, "metadata" | "recordedAt"> & {
  metadata: ProjectionMetadata;
  recordedAt?: Date;
};

/**
 * `no_stream`: the stream must not exist; `stream_exists`: it must; `any`: no check;
 * a number: the stream's last revision must be exactly that.
 */
export type ExpectedRevision = "any" | "no_stream" | "stream_exists" | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: number;
  position: Position;
  /** True when every event id was already written at that place, so nothing was written again. */
  idempotent: boolean;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  maxCount?: number;
  direction?: "forwards" | "backwards";
}

export interface ReadAllOptions {
  after?: Position;
  maxCount?: number;
}

export interface SubscribeOptions {
  after?: Position;
  /** Largest batch handed to the consumer at once. */
  batchSize?: number;
  signal?: AbortSignal;
}

export interface EventStore {
  readonly name: string;
  append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;
  /** Events of one stream, oldest first unless `direction` says otherwise; `[]` if it does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The next events in global order after `after` that no in-flight write can precede. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * As `readAll`, with only the metadata projections read and the recording time of the last event
   * alone, which spares a store that can leave the rest out reading and decoding it (rebuilds read
   * every event). Without it, `readAll` serves.
   */
  readAllForProjections?(options?: ReadAllOptions): Promise<ProjectionEvent[]>;
  /**
   * Catch-up then live: yields every event after `after` exactly once, in global order, in
   * batches, until the signal aborts.
   */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent[]>;
  /** The stream's last revision, or null when it does not exist. */
  streamRevision(streamId: string): Promise<number | null>;
  /**
   * Ids of the streams with events whose id starts with `prefix`, in no set order: a person's
   * conversations, read from the log itself rather than from a read model that may lag.
   */
  streamIdsStartingWith(prefix: string): Promise<string[]>;
  /** Position of the newest event, or START when the store is empty. */
  headPosition(): Promise<Position>;
  /** Roughly how many events lie between two positions (for lag reports). */
  distance(from: Position, to: Position): Promise<number>;
  comparePositions(a: Position, b: Position): number;
  close(): Promise<void>;
}

export class ConcurrencyError extends Error {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly actual: number | null;
  constructor(streamId: string, expected: ExpectedRevision, actual: number | null) {
    super(
      `stream ${streamId}: expected revision ${String(expected)}, but it is ${actual === null ? "absent" : actual}`,
    );
    this.name = "ConcurrencyError";
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}

/** An event id that already stands elsewhere than where this append would put it. */
export class DuplicateEventIdError extends Error {
  readonly eventId: string;
  constructor(eventId: string) {
    super(`event id ${eventId} is already stored at another place`);
    this.name = "DuplicateEventIdError";
    this.eventId = eventId;
  }
}
