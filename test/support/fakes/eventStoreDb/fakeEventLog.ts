/**
 * The transaction log of the fake EventStoreDB node, in memory. Positions are byte offsets as on
 * the real node: every record starts where the previous one ended, so positions are sparse. Each
 * append is one implicit transaction whose prepares commit themselves, so an event's commit and
 * prepare positions are both its own log position, as the server reports them.
 */

/** Expected versions as the server encodes them internally (`ExpectedVersion` in EventStore.Core). */
export const EXPECTED_ANY = -2;
export const EXPECTED_NO_STREAM = -1;
export const EXPECTED_STREAM_EXISTS = -4;

export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

export interface StoredRecord extends ProposedEvent {
  streamId: string;
  revision: number;
  logPosition: number;
  postPosition: number;
  /** .NET ticks (100 ns) since the Unix epoch, as the `created` metadata carries them. */
  created: bigint;
}

export type AppendOutcome =
  | { result: "written" | "idempotent"; lastRevision: number; position: number | null }
  | { result: "wrong_expected_version"; currentVersion: number };

/** A position in `$all` as (commit, prepare); a record stands at (logPosition, logPosition). */
export interface LogPosition {
  commit: number;
  prepare: number;
}

const RECORD_OVERHEAD = 88;

export class FakeEventLog {
  readonly #records: StoredRecord[] = [];
  readonly #streams = new Map<string, StoredRecord[]>();
  // The server's committed-events cache, used for idempotency when the expected version is any.
  readonly #eventIds = new Map<string, { streamId: string; revision: number }>();
  readonly #listeners = new Set<(record: StoredRecord) => void>();
  #writerCheckpoint: number;

  constructor(firstPosition = 0) {
    this.#writerCheckpoint = firstPosition;
  }

  get records(): readonly StoredRecord[] {
    return this.#records;
  }

  stream(streamId: string): readonly StoredRecord[] | undefined {
    return this.#streams.get(streamId);
  }

  /** Last event number of a stream, -1 when it has none (`GetStreamLastEventNumber`). */
  lastRevision(streamId: string): number {
    return (this.#streams.get(streamId)?.length ?? 0) - 1;
  }

  append(streamId: string, expected: number, events: readonly ProposedEvent[]): AppendOutcome {
    const ids = events.map((event) => event.id.toLowerCase());
    const check = this.#checkCommit(streamId, expected, ids);
    if (check.decision === "wrong_expected_version") {
      return { result: "wrong_expected_version", currentVersion: check.currentVersion };
    }
    if (check.decision === "idempotent") {
      const last = this.#streams.get(streamId)?.[check.lastRevision];
      return { result: "idempotent", lastRevision: check.lastRevision, position: last?.logPosition ?? null };
    }
    if (events.length === 0) {
      return { result: "written", lastRevision: check.currentVersion, position: null };
    }
    const written = events.map((event, index) =>
      this.#write(streamId, check.currentVersion + 1 + index, { ...event, id: ids[index]! }),
    );
    for (const listener of [...this.#listeners]) for (const record of written) listener(record);
    const last = written.at(-1)!;
    return { result: "written", lastRevision: last.revision, position: last.logPosition };
  }

  /** Index of the first record at or after a position (a forwards read is inclusive). */
  firstIndexFrom(position: LogPosition): number {
    let low = 0;
    let high = this.#records.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const at = this.#records[middle]!.logPosition;
      if (comparePositions({ commit: at, prepare: at }, position) >= 0) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Number of records that end at or before a position (a backwards read starts below it). */
  countEndingBy(position: LogPosition): number {
    let low = 0;
    let high = this.#records.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const end = this.#records[middle]!.postPosition;
      if (comparePositions({ commit: end, prepare: end }, position) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** How many live subscriptions are listening (a cancelled subscription stops listening). */
  get liveSubscriptions(): number {
    return this.#listeners.size;
  }

  /** Calls `listener` with every record written from now on; returns the unsubscribe function. */
  onWritten(listener: (record: StoredRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #write(streamId: string, revision: number, event: ProposedEvent): StoredRecord {
    const size =
      RECORD_OVERHEAD + 2 * (streamId.length + event.type.length) + event.data.length + event.metadata.length;
    const record: StoredRecord = {
      ...event,
      streamId,
      revision,
      logPosition: this.#writerCheckpoint,
      postPosition: this.#writerCheckpoint + size,
      created: BigInt(Date.now()) * 10_000n,
    };
    this.#writerCheckpoint = record.postPosition;
    this.#records.push(record);
    const stream = this.#streams.get(streamId) ?? [];
    stream.push(record);
    this.#streams.set(streamId, stream);
    this.#eventIds.set(record.id, { streamId, revision });
    return record;
  }

  // The decision rules of `IndexWriter.CheckCommit` (streams are never deleted in this fake).
  #checkCommit(
    streamId: string,
    expected: number,
    ids: readonly string[],
  ):
    | { decision: "ok"; currentVersion: number }
    | { decision: "idempotent"; lastRevision: number }
    | { decision: "wrong_expected_version"; currentVersion: number } {
    const current = this.lastRevision(streamId);
    const wrong = { decision: "wrong_expected_version", currentVersion: current } as const;
    if (expected === EXPECTED_STREAM_EXISTS && current < 0) return wrong;
    if (expected === EXPECTED_ANY || expected === EXPECTED_STREAM_EXISTS) {
      let last = -1;
      for (const [index, id] of ids.entries()) {
        const known = this.#eventIds.get(id);
        if (!known || known.streamId !== streamId) {
          return index === 0 ? { decision: "ok", currentVersion: current } : wrong;
        }
        last = known.revision;
      }
      return ids.length === 0
        ? { decision: "ok", currentVersion: current }
        : { decision: "idempotent", lastRevision: last };
    }
    if (expected < current) {
      const stream = this.#streams.get(streamId) ?? [];
      for (const [offset, id] of ids.entries()) {
        if (stream[expected + 1 + offset]?.id !== id) return wrong;
      }
      return ids.length === 0 ? wrong : { decision: "idempotent", lastRevision: expected + ids.length };
    }
    return expected > current ? wrong : { decision: "ok", currentVersion: current };
  }
}

export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}
