import {
  type AppendResult,
  ConcurrencyError,
  DuplicateEventIdError,
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

/** Positions are the place in the log, zero-padded so that they also sort as text. */
const positionOf = (index: number): Position => String(index).padStart(16, "0");
const indexOf = (position: Position): number => (position === START ? -1 : Number(position));

/**
 * The event store in this process's memory: the same promises as the real adapters (the shared
 * contract suite checks them), for tests and tools that need no database. Nothing survives the
 * process.
 */
export class InMemoryEventStore implements EventStore {
  readonly name = "in-memory";
  readonly #log: RecordedEvent[] = [];
  readonly #streams = new Map<string, RecordedEvent[]>();
  readonly #ids = new Map<string, RecordedEvent>();
  #waiters: (() => void)[] = [];

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stream = this.#streams.get(streamId) ?? [];
    const current = stream.length === 0 ? null : stream.length - 1;
    const retried = this.#retried(streamId, events, expected);
    if (retried) return retried;
    const fits =
      expected === "any" ||
      (expected === "no_stream" && current === null) ||
      (expected === "stream_exists" && current !== null) ||
      expected === current;
    if (!fits) throw new ConcurrencyError(streamId, expected, current);
    for (const event of events) if (this.#ids.has(event.id)) throw new DuplicateEventIdError(event.id);
    const recordedAt = new Date();
    for (const event of events) {
      const recorded: RecordedEvent = {
        id: event.id,
        type: event.type,
        // Stored as JSON, like every real store: later changes to the caller's object do not leak in.
        data: JSON.parse(JSON.stringify(event.data ?? null)),
        metadata: { ...event.metadata },
        streamId,
        revision: stream.length,
        position: positionOf(this.#log.length),
        recordedAt,
      };
      stream.push(recorded);
      this.#log.push(recorded);
      this.#ids.set(recorded.id, recorded);
    }
    this.#streams.set(streamId, stream);
    for (const wake of this.#waiters.splice(0)) wake();
    const last = stream.at(-1)!;
    return { nextRevision: last.revision, position: last.position, idempotent: false };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.#streams.get(streamId) ?? [];
    const max = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (options.direction === "backwards") {
      const from = Math.min(options.fromRevision ?? stream.length - 1, stream.length - 1);
      return stream.slice(Math.max(0, from - max + 1), from + 1).reverse();
    }
    const from = options.fromRevision ?? 0;
    return stream.slice(from, from + Math.min(max, stream.length));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = indexOf(options.after ?? START) + 1;
    return this.#log.slice(from, from + (options.maxCount ?? 1_000));
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    const { signal } = options;
    let after = options.after ?? START;
    while (!signal?.aborted) {
      const batch = await this.readAll({ after, maxCount: options.batchSize ?? 1_000 });
      if (batch.length > 0) {
        after = batch.at(-1)!.position;
        yield batch;
        continue;
      }
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        signal?.addEventListener("abort", () => resolve(), { once: true });
      });
    }
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const length = this.#streams.get(streamId)?.length ?? 0;
    return length === 0 ? null : length - 1;
  }

  async streamIdsStartingWith(prefix: string): Promise<string[]> {
    return [...this.#streams]
      .filter(([id, events]) => id.startsWith(prefix) && events.length > 0)
      .map(([id]) => id);
  }

  async headPosition(): Promise<Position> {
    return this.#log.length === 0 ? START : positionOf(this.#log.length - 1);
  }

  async distance(from: Position, to: Position): Promise<number> {
    return Math.max(0, indexOf(to) - indexOf(from));
  }

  comparePositions(a: Position, b: Position): number {
    return indexOf(a) - indexOf(b);
  }

  async close(): Promise<void> {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** The result of the first append when every id was already written here, in order, at this place. */
  #retried(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): AppendResult | null {
    const first = events[0] && this.#ids.get(events[0].id);
    if (!first || first.streamId !== streamId) return null;
    const place = expected === "no_stream" ? 0 : typeof expected === "number" ? expected + 1 : first.revision;
    const same = events.every((event, i) => {
      const stored = this.#ids.get(event.id);
      return stored?.streamId === streamId && stored.revision === place + i;
    });
    if (!same) return null;
    const last = this.#ids.get(events.at(-1)!.id)!;
    return { nextRevision: last.revision, position: last.position, idempotent: true };
  }
}
