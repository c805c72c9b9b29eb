import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  type ReadRevision,
  START as STREAM_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import {
  type AppendResult,
  ConcurrencyError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  START,
  type SubscribeOptions,
} from "../../ports/eventStore.ts";
import {
  comparePositions,
  formatPosition,
  isSystemEvent,
  parsePosition,
  toActualRevision,
  toClientExpectedRevision,
  toEventData,
  toRecordedEvent,
} from "./eventStoreDbMapping.ts";
import { countBetween, headPosition, readAllAfter, streamIdsStartingWith } from "./eventStoreDbReads.ts";
import { subscriptionBatches } from "./eventStoreDbSubscription.ts";

export interface EventStoreDbEventStoreOptions {
  /** Events `distance` counts one by one before it estimates the rest (default 10,000). */
  distanceCountLimit?: number;
}

/**
 * The event store on EventStoreDB / KurrentDB through `@eventstore/db-client`. Streams, expected
 * revisions and idempotent appends are the server's own; the global order is `$all`, whose
 * positions this adapter writes as `"<commit>:<prepare>"`. Event ids are unique per stream only.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly name = "eventstoredb";
  readonly #client: EventStoreDBClient;
  readonly #distanceCountLimit: number;

  constructor(client: EventStoreDBClient, options: EventStoreDbEventStoreOptions = {}) {
    this.#client = client;
    this.#distanceCountLimit = options.distanceCountLimit ?? 10_000;
  }

  /** A store on an `esdb://` (or `esdb+discover://`) connection string. */
  static connect(
    connectionString: string,
    options: EventStoreDbEventStoreOptions = {},
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  /**
   * The server answers a retried append (same ids at the same place) with success and the original
   * revision and position, exactly as it answered the first time. What tells the two apart is the
   * stream's revision read just before: a real write always moves the stream past it, a retry ends
   * at or below it. A retry racing its own still-unanswered first attempt reads as a fresh write;
   * either way the server never writes the events twice.
   */
  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error("append needs at least one event");
    const expectedRevision = toClientExpectedRevision(expected);
    const before = await this.streamRevision(streamId);
    let result: Awaited<ReturnType<EventStoreDBClient["appendToStream"]>>;
    try {
      result = await this.#client.appendToStream(streamId, events.map(toEventData), { expectedRevision });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new ConcurrencyError(streamId, expected, toActualRevision(error.actualVersion));
      }
      throw error;
    }
    // With `throwOnAppendFailure=false` in the connection string the client reports instead of throwing.
    if (!result.success)
      throw new ConcurrencyError(streamId, expected, toActualRevision(result.nextExpectedRevision));
    const nextRevision = Number(result.nextExpectedRevision);
    const position = result.position
      ? formatPosition(result.position)
      : await this.#positionOf(streamId, nextRevision);
    return { nextRevision, position, idempotent: before !== null && nextRevision <= before };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === "backwards";
    if (options.maxCount === 0) return [];
    const fromRevision: ReadRevision =
      options.fromRevision === undefined ? (backwards ? END : STREAM_START) : BigInt(options.fromRevision);
    const events: RecordedEvent[] = [];
    try {
      const read = this.#client.readStream(streamId, {
        fromRevision,
        direction: backwards ? BACKWARDS : FORWARDS,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** `$all` holds only committed events in commit order, so no in-flight write can precede them. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllAfter(this.#client, options.after ?? START, options.maxCount ?? 1_000);
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    if (options.signal?.aborted) return;
    const subscription = this.#client.subscribeToAll({
      fromPosition: parsePosition(options.after ?? START),
      filter: excludeSystemEvents(),
    });
    yield* subscriptionBatches(subscription, {
      batchSize: options.batchSize ?? 1_000,
      signal: options.signal,
      accept: (resolved) =>
        resolved.event && !isSystemEvent(resolved.event) ? toRecordedEvent(resolved) : null,
    });
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const [last] = await this.readStream(streamId, { direction: "backwards", maxCount: 1 });
    return last ? last.revision : null;
  }

  streamIdsStartingWith(prefix: string): Promise<string[]> {
    return streamIdsStartingWith(this.#client, prefix);
  }

  headPosition(): Promise<Position> {
    return headPosition(this.#client);
  }

  async distance(from: Position, to: Position): Promise<number> {
    if (this.comparePositions(from, to) >= 0) return 0;
    return countBetween(this.#client, from, to, this.#distanceCountLimit);
  }

  comparePositions(a: Position, b: Position): number {
    return comparePositions(a, b);
  }

  async close(): Promise<void> {
    await this.#client.dispose();
  }

  async #positionOf(streamId: string, revision: number): Promise<Position> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`stream ${streamId} has no event at revision ${revision}`);
    return event.position;
  }
}
