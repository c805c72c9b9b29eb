import type { EventStore, Position, RecordedEvent } from "../../ports/eventStore.ts";

/** Events the window keeps at most: a subscriber further behind reads the log on its own. */
const KEPT = 4_000;
const READ_BATCH = 1_000;

/**
 * The newest events of the global log, read once for every subscriber of a process: one
 * subscription to all events, read further only when a subscriber has taken everything held.
 * Events are kept while a subscriber still needs them, up to a limit.
 */
export class TailWindow {
  readonly #store: EventStore;
  readonly #source: AsyncIterator<RecordedEvent[]>;
  readonly #controller = new AbortController();
  /** The events after `#start`, in global order and without gaps. */
  #events: RecordedEvent[] = [];
  #start: Position;
  #reading: Promise<void> | null = null;
  #failure: unknown = null;
  readonly #positions = new Map<object, Position>();

  constructor(store: EventStore, start: Position) {
    this.#store = store;
    this.#start = start;
    this.#source = store
      .subscribeToAll({ after: start, batchSize: READ_BATCH, signal: this.#controller.signal })
      [Symbol.asyncIterator]();
  }

  get failed(): boolean {
    return this.#failure !== null;
  }

  /** A subscriber's place, so that nothing it still needs is let go; `null` when it leaves. */
  track(subscriber: object, position: Position | null): void {
    if (position === null) this.#positions.delete(subscriber);
    else this.#positions.set(subscriber, position);
  }

  get subscribers(): number {
    return this.#positions.size;
  }

  /**
   * Up to `max` events after `after`, waiting for the next read when all held are taken; null when
   * `after` lies before the window. Resolves with `[]` when the signal aborts.
   */
  async next(after: Position, max: number, signal: AbortSignal): Promise<RecordedEvent[] | null> {
    for (;;) {
      if (this.#failure) throw this.#failure;
      const held = this.#take(after, max);
      if (held === null || held.length > 0 || signal.aborted) return held;
      this.#reading ??= this.#read();
      await waitOrAbort(this.#reading, signal);
    }
  }

  close(): void {
    this.#controller.abort();
    void this.#source.return?.().catch(() => {});
  }

  #take(after: Position, max: number): RecordedEvent[] | null {
    const compare = (a: Position, b: Position) => this.#store.comparePositions(a, b);
    if (compare(after, this.#start) < 0) return null;
    // Every position handed out is an event's, and the log only grows at its end: whatever lies
    // after `after` here is all there is after it.
    let low = 0;
    let high = this.#events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.#events[middle]!.position, after) <= 0) low = middle + 1;
      else high = middle;
    }
    return this.#events.slice(low, low + max);
  }

  async #read(): Promise<void> {
    try {
      const next = await this.#source.next();
      if (next.done) this.#failure ??= new Error("the shared subscription to all events ended");
      else this.#keep(next.value);
    } catch (error) {
      this.#failure = error ?? new Error("the shared subscription to all events failed");
    } finally {
      this.#reading = null;
    }
  }

  #keep(batch: readonly RecordedEvent[]): void {
    this.#events.push(...batch);
    let slowest: Position | null = null;
    for (const position of this.#positions.values())
      if (slowest === null || this.#store.comparePositions(position, slowest) < 0) slowest = position;
    let drop = Math.max(0, this.#events.length - KEPT);
    while (
      drop < this.#events.length &&
      slowest !== null &&
      this.#store.comparePositions(this.#events[drop]!.position, slowest) <= 0
    )
      drop++;
    if (drop === 0) return;
    this.#start = this.#events[drop - 1]!.position;
    this.#events = this.#events.slice(drop);
  }
}

function waitOrAbort(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    promise.then(done, done);
  });
}
