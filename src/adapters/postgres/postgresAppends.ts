import pg from "pg";
import { jsonPartsInSteps, runInSlices } from "../../application/snapshots/steppedWork.ts";
import type { EventToAppend, ExpectedRevision } from "../../ports/eventStore.ts";
import { type AppendRow, appendRow } from "./postgresEventAppend.ts";

interface Pending {
  streamId: string;
  expected: ExpectedRevision;
  events: string;
  resolve: (row: AppendRow) => void;
  reject: (error: unknown) => void;
}

/**
 * Appends sent at once; those that come meanwhile wait and go together as the next statement.
 * Measured on two cores (fan-out, burst, eight concurrent writers): 6 or 10 were no faster than 3
 * within the noise, and a raw pool of 7 instead of 5 made the fan-out's tail slower.
 */
const IN_FLIGHT = 3;

/** Events in an append that is written out as JSON in slices rather than at once. */
const LONG_APPEND = 1_000;

const batch = `select b.ord::int as ord, r.outcome, r.last_revision::text, r.last_transaction::text, r.last_position::text
from unnest($1::text[], $2::text[], $3::text[]) with ordinality as b(stream_id, expected, events, ord)
cross join lateral es_append(b.stream_id, b.expected, b.events::jsonb) r
order by b.ord`;

/**
 * Appends, grouped while the database is busy. An append on its own is one plain statement
 * (`appendRow`); while a few are under way, the ones that come meanwhile are sent together as one
 * statement calling `es_append` for each (one round trip and one commit for a burst of
 * conversations) once one of them answers. Each append in a group still has its own outcome (a
 * conflict leaves the others be); a group that fails as a whole (a duplicate event id) is written
 * again one append at a time, so each gets its own answer. A group's streams are locked in stream
 * id order, as every group locks them.
 */
export class PostgresAppends {
  readonly #pool: pg.Pool;
  #inFlight = 0;
  #waiting: Pending[] = [];

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Whether an append is under way or waiting to be sent. */
  get busy(): boolean {
    return this.#inFlight > 0 || this.#waiting.length > 0;
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendRow> {
    if (events.length <= LONG_APPEND) return this.#queue(streamId, expected, JSON.stringify(events));
    // Tens of thousands of events (an imported chat) are written out a slice at a time.
    return runInSlices(jsonPartsInSteps(events)).then((parts) =>
      this.#queue(streamId, expected, parts.join("")),
    );
  }

  #queue(streamId: string, expected: ExpectedRevision, events: string): Promise<AppendRow> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ streamId, expected, events, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    if (this.#inFlight >= IN_FLIGHT || this.#waiting.length === 0) return;
    const group = this.#waiting;
    this.#waiting = [];
    this.#inFlight++;
    void this.#send(group).finally(() => {
      this.#inFlight--;
      this.#next();
    });
  }

  async #send(group: Pending[]): Promise<void> {
    if (group.length > 1) {
      const ordered = group
        .map((pending, index) => ({ pending, index }))
        .sort((a, b) => byStreamId(a.pending.streamId, b.pending.streamId) || a.index - b.index)
        .map(({ pending }) => pending);
      try {
        const { rows } = await this.#pool.query<AppendRow & { ord: number }>({
          name: "withme_es_append_group",
          text: batch,
          values: [
            ordered.map((p) => p.streamId),
            ordered.map((p) => String(p.expected)),
            ordered.map((p) => p.events),
          ],
        });
        const answered = new Set<number>();
        for (const row of rows) {
          ordered[row.ord - 1]!.resolve(row);
          answered.add(row.ord - 1);
        }
        // Every append answers one row; any that did not is asked again on its own.
        await Promise.all(
          ordered.filter((_, i) => !answered.has(i)).map((pending) => this.#sendOne(pending)),
        );
        return;
      } catch (error) {
        if (!(error instanceof pg.DatabaseError)) {
          for (const pending of group) pending.reject(error);
          return;
        }
      }
    }
    await Promise.all(group.map((pending) => this.#sendOne(pending)));
  }

  async #sendOne(pending: Pending): Promise<void> {
    try {
      pending.resolve(await appendRow(this.#pool, pending.streamId, pending.expected, pending.events));
    } catch (error) {
      pending.reject(error);
    }
  }
}

/** Code unit order, the same in every process whatever its locale. */
function byStreamId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
