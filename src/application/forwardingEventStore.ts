import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ProjectionEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from "../ports/eventStore.ts";

/**
 * An event store that hands every call to the store it wraps. A wrapper that changes some calls
 * (encryption, a shared read of the log) extends it and overrides only those.
 */
export class ForwardingEventStore implements EventStore {
  readonly name: string;
  protected readonly inner: EventStore;

  constructor(inner: EventStore) {
    this.inner = inner;
    this.name = inner.name;
  }

  append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.inner.append(streamId, events, expected);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  readAllForProjections(options?: ReadAllOptions): Promise<ProjectionEvent[]> {
    return this.inner.readAllForProjections?.(options) ?? this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent[]> {
    return this.inner.subscribeToAll(options);
  }

  streamRevision(streamId: string): Promise<number | null> {
    return this.inner.streamRevision(streamId);
  }

  streamIdsStartingWith(prefix: string): Promise<string[]> {
    return this.inner.streamIdsStartingWith(prefix);
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  distance(from: Position, to: Position): Promise<number> {
    return this.inner.distance(from, to);
  }

  comparePositions(a: Position, b: Position): number {
    return this.inner.comparePositions(a, b);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
