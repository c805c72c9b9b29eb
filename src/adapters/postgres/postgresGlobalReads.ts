import type pg from "pg";
import { type Position, type ProjectionEvent, type RecordedEvent, START } from "../../ports/eventStore.ts";
import {
  COLUMNS,
  type EventRow,
  formatPosition,
  PROJECTION_COLUMNS,
  parsePosition,
  toProjectionEvent,
  toRecorded,
} from "./postgresEventRows.ts";

/*
 * Reads in the global order, (writing transaction, position). Readers see only what lies below
 * the oldest transaction still open, so a slow writer's events are never passed over. Every
 * statement orders by the global-order index's columns: a prepared statement may run on a generic
 * plan, and only the order keeps that plan on the index rather than a scan of the whole table.
 */

const readAllText = (columns: string) => `select ${columns} from es_events e
         where (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
           and e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         order by e.transaction_id, e.global_position
         limit $3`;

export const READ_ALL = { name: "withme_es_read_all", text: readAllText(COLUMNS) };

/** The rebuild's read: only the metadata projections use, picked out by PostgreSQL. */
export const READ_ALL_PROJECTED = {
  name: "withme_es_read_all_projected",
  text: readAllText(PROJECTION_COLUMNS),
  rowMode: "array",
} as const;

/** Whether any event, visible yet or held back by an older open transaction, comes after a position. */
export const EXISTS_AFTER = {
  name: "withme_es_exists_after",
  text: `select 1 from es_events where (transaction_id, global_position) > ($1::xid8, $2::bigint)
         order by transaction_id, global_position limit 1`,
};

async function readAfter<Row extends pg.QueryResultRow, Event>(
  pool: pg.Pool,
  statement: { name: string; text: string; rowMode?: "array" },
  toEvent: (row: Row) => Event,
  after: Position,
  maxCount: number,
): Promise<Event[]> {
  const [transaction, position] = parsePosition(after);
  const { rows } = await pool.query<Row>({ ...statement, values: [transaction, position, maxCount] });
  return rows.map(toEvent);
}

export const readAllAfter = (pool: pg.Pool, after: Position, maxCount: number): Promise<RecordedEvent[]> =>
  readAfter(pool, READ_ALL, (row: EventRow) => toRecorded(row, row.stream_id!), after, maxCount);

/** When one event was recorded, in epoch milliseconds, found by its place in the global order. */
export const RECORDED_MS = {
  name: "withme_es_recorded_ms",
  text: `select floor(extract(epoch from e.recorded_at) * 1000)::int8::text as recorded_ms from es_events e
         where (e.transaction_id, e.global_position) = ($1::xid8, $2::bigint)`,
};

export async function readProjectedAfter(
  pool: pg.Pool,
  after: Position,
  maxCount: number,
): Promise<ProjectionEvent[]> {
  const events = await readAfter(pool, READ_ALL_PROJECTED, toProjectionEvent, after, maxCount);
  const last = events.at(-1);
  if (last) {
    const { rows } = await pool.query<{ recorded_ms: string }>({
      ...RECORDED_MS,
      values: parsePosition(last.position),
    });
    if (rows[0]) last.recordedAt = new Date(Number(rows[0].recorded_ms));
  }
  return events;
}

export async function existsAfter(pool: pg.Pool, after: Position): Promise<boolean> {
  const { rowCount } = await pool.query({ ...EXISTS_AFTER, values: parsePosition(after) });
  return (rowCount ?? 0) > 0;
}

export async function headPosition(pool: pg.Pool): Promise<Position> {
  const { rows } = await pool.query<{ transaction_id: string; global_position: string }>(
    `select e.transaction_id::text as transaction_id, e.global_position::text as global_position from es_events e
     where e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     order by e.transaction_id desc, e.global_position desc limit 1`,
  );
  return rows[0] ? formatPosition(rows[0].transaction_id, rows[0].global_position) : START;
}

/** How many events lie after `from` up to and including `to`. */
export async function countBetween(pool: pg.Pool, from: Position, to: Position): Promise<number> {
  const [fromTransaction, fromPosition] = parsePosition(from);
  const [toTransaction, toPosition] = parsePosition(to);
  const { rows } = await pool.query<{ count: number }>(
    `select count(*)::int as count from es_events
     where (transaction_id, global_position) > ($1::xid8, $2::bigint)
       and (transaction_id, global_position) <= ($3::xid8, $4::bigint)`,
    [fromTransaction, fromPosition, toTransaction, toPosition],
  );
  return rows[0]?.count ?? 0;
}
