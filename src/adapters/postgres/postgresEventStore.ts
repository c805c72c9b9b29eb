import { randomUUID } from "node:crypto";
import pg from "pg";
import {
  type AppendResult,
  ConcurrencyError,
  DuplicateEventIdError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type ProjectionEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  START,
  type SubscribeOptions,
} from "../../ports/eventStore.ts";
import { CommitAnnouncer } from "./commitAnnouncer.ts";
import { PostgresAppends } from "./postgresAppends.ts";
import type { AppendRow } from "./postgresEventAppend.ts";
import {
  comparePositions,
  EVENT_COLUMNS,
  type EventRow,
  formatPosition,
  toRecorded,
} from "./postgresEventRows.ts";
import {
  countBetween,
  existsAfter,
  headPosition,
  readAllAfter,
  readProjectedAfter,
} from "./postgresGlobalReads.ts";
import { PostgresWakeups } from "./postgresWakeups.ts";

const CHANNEL = "withme_events";

/** How long a reader at the head waits for this process's appends under way before it reads again. */
const APPENDING_RECHECK_MS = 32;

/** The event store in PostgreSQL: ordered by (writing transaction, position), read only below xmin. */
export class PostgresEventStore implements EventStore {
  readonly name = "postgres";
  readonly #pool: pg.Pool;
  readonly #wakeups: PostgresWakeups;
  readonly #announcer: CommitAnnouncer;
  readonly #appends: PostgresAppends;
  readonly #streamPage: number;

  constructor(
    pool: pg.Pool,
    listenConnection: pg.ClientConfig | string,
    options: { pollIntervalMs?: number; streamPageSize?: number } = {},
  ) {
    this.#pool = pool;
    this.#streamPage = options.streamPageSize ?? 10_000;
    const sender = randomUUID();
    this.#wakeups = new PostgresWakeups(listenConnection, CHANNEL, options.pollIntervalMs ?? 1_000, sender);
    const appends = new PostgresAppends(pool);
    this.#appends = appends;
    this.#announcer = new CommitAnnouncer(pool, CHANNEL, sender, { appending: () => appends.busy });
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error("append needs at least one event");
    let row: AppendRow;
    try {
      row = await this.#appends.append(streamId, events, expected);
    } catch (error) {
      if (error instanceof pg.DatabaseError && error.constraint === "es_events_event_id_unique") {
        const id = /\(event_id\)=\(([^)]+)\)/.exec(error.detail ?? "")?.[1] ?? "unknown";
        throw new DuplicateEventIdError(id);
      }
      throw error;
    }
    const revision = Number(row.last_revision);
    if (row.outcome === "conflict")
      throw new ConcurrencyError(streamId, expected, revision < 0 ? null : revision);
    if (row.outcome !== "appended" && row.outcome !== "idempotent") {
      throw new DuplicateEventIdError(events[0]?.id ?? "unknown");
    }
    if (row.outcome === "appended") {
      this.#wakeups.wakeLocal();
      this.#announcer.announce();
    }
    return {
      nextRevision: revision,
      position: formatPosition(row.last_transaction ?? "0", row.last_position ?? "0"),
      idempotent: row.outcome === "idempotent",
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === "backwards";
    const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let from = backwards
      ? (options.fromRevision ?? Number.MAX_SAFE_INTEGER)
      : Math.max(0, options.fromRevision ?? 0);
    // Revisions are dense, so a page is a closed range of them: the planner then walks the primary
    // key in order, where an open range on a stream it believes short gets a bitmap scan and a sort.
    const range = backwards
      ? `e.revision <= (select least($2, s.revision) from es_streams s where s.stream_id = $1)
         and e.revision > (select least($2, s.revision) from es_streams s where s.stream_id = $1) - $3`
      : "e.revision >= $2 and e.revision < $2 + $3";
    while (events.length < maxCount && from >= 0) {
      const limit = Math.min(this.#streamPage, maxCount - events.length);
      const { rows } = await this.#pool.query<EventRow>({
        name: backwards ? "withme_es_read_stream_backwards" : "withme_es_read_stream",
        text: `select ${EVENT_COLUMNS} from es_events e where e.stream_id = $1 and ${range}
               order by e.revision ${backwards ? "desc" : "asc"} limit $3`,
        values: [streamId, from, limit],
      });
      for (const row of rows) events.push(toRecorded(row, streamId));
      if (rows.length < limit) break;
      from = Number(rows.at(-1)?.revision_number) + (backwards ? -1 : 1);
    }
    return events;
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllAfter(this.#pool, options.after ?? START, options.maxCount ?? 1_000);
  }

  readAllForProjections(options: ReadAllOptions = {}): Promise<ProjectionEvent[]> {
    return readProjectedAfter(this.#pool, options.after ?? START, options.maxCount ?? 1_000);
  }

  async *subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent[]> {
    const { signal } = options;
    const batchSize = options.batchSize ?? 1_000;
    let after = options.after ?? START;
    const waiter = this.#wakeups.register();
    let retryMs = 1;
    try {
      while (!signal?.aborted) {
        const batch = await this.readAll({ after, maxCount: batchSize });
        if (batch.length > 0) {
          after = batch.at(-1)!.position;
          retryMs = 1;
          yield batch;
          // A short batch reached the head: what commits later wakes the waiter (it remembers a
          // wake-up that came while the batch was handled), so reading again now would find nothing.
          if (batch.length === batchSize) continue;
        }
        // Committed events held back by an older transaction still open: look again soon, then
        // less often while it stays open. A commit since the read means reading again at once.
        // While this process appends, the open transaction is most likely one of its appends,
        // whose end wakes the waiter: the look would be one more query beside them for nothing.
        if (!waiter.woken && this.#appends.busy) {
          await waiter.wait(APPENDING_RECHECK_MS, signal);
          continue;
        }
        const heldBack = !waiter.woken && (await existsAfter(this.#pool, after));
        await waiter.wait(heldBack ? retryMs : undefined, signal);
        retryMs = heldBack ? Math.min(retryMs * 2, 32) : 1;
      }
    } finally {
      waiter.dispose();
    }
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const { rows } = await this.#pool.query<{ revision: string }>({
      name: "withme_es_stream_revision",
      text: "select revision::text from es_streams where stream_id = $1",
      values: [streamId],
    });
    const revision = rows[0] ? Number(rows[0].revision) : -1;
    return revision < 0 ? null : revision;
  }

  async streamIdsStartingWith(prefix: string): Promise<string[]> {
    const { rows } = await this.#pool.query<{ stream_id: string }>({
      name: "withme_es_streams_starting_with",
      text: "select stream_id from es_streams where starts_with(stream_id, $1) and revision >= 0",
      values: [prefix],
    });
    return rows.map((row) => row.stream_id);
  }

  headPosition(): Promise<Position> {
    return headPosition(this.#pool);
  }

  async distance(from: Position, to: Position): Promise<number> {
    if (this.comparePositions(from, to) >= 0) return 0;
    return countBetween(this.#pool, from, to);
  }

  comparePositions(a: Position, b: Position): number {
    return comparePositions(a, b);
  }

  async close(): Promise<void> {
    await this.#announcer.close();
    await this.#wakeups.close();
  }
}
