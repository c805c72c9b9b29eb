import { type Position, type ProjectionEvent, type RecordedEvent, START } from "../../ports/eventStore.ts";

/** One es_events row as the adapter selects it; `stream_id` only where rows span streams. */
export interface EventRow {
  position_text: string;
  transaction_text: string;
  stream_id?: string;
  revision_number: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: RecordedEvent["metadata"];
  recorded_ms: string;
}

// Output names differ from the columns so that ORDER BY always sorts by the typed columns. The
// time goes out as epoch milliseconds: building a Date from a number is far cheaper than parsing text.
export const EVENT_COLUMNS =
  "e.global_position::text as position_text, e.transaction_id::text as transaction_text, e.revision::int8 as revision_number, e.event_id::text, e.type, e.data, e.metadata, floor(extract(epoch from e.recorded_at) * 1000)::int8::text as recorded_ms";
export const COLUMNS = `e.stream_id, ${EVENT_COLUMNS}`;

export function formatPosition(transaction: string, position: string): Position {
  return `${transaction}:${position}`;
}

export function parsePosition(position: Position): [string, string] {
  if (position === START) return ["0", "0"];
  const match = /^(\d+):(\d+)$/.exec(position);
  if (!match) throw new Error(`not a PostgreSQL event store position: ${position}`);
  return [match[1]!, match[2]!];
}

/**
 * The order of two positions: by transaction, then by position within it. Compared as the
 * numerals they are rather than as BigInts: a subscription's window compares thousands of them.
 */
export function comparePositions(a: Position, b: Position): number {
  const [ta, pa] = parsePosition(a);
  const [tb, pb] = parsePosition(b);
  return compareNumerals(ta, tb) || compareNumerals(pa, pb);
}

function compareNumerals(a: string, b: string): number {
  const x = a.length > 1 && a.startsWith("0") ? a.replace(/^0+(?=\d)/, "") : a;
  const y = b.length > 1 && b.startsWith("0") ? b.replace(/^0+(?=\d)/, "") : b;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x === y ? 0 : x < y ? -1 : 1;
}

export function toRecorded(row: EventRow, streamId: string): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId,
    revision: Number(row.revision_number),
    position: formatPosition(row.transaction_text, row.position_text),
    recordedAt: new Date(Number(row.recorded_ms)),
  };
}

/**
 * An es_events row with only what projections read of its metadata, picked out by the server, as
 * an array in `PROJECTION_COLUMNS` order: a rebuild reads every event, and rows as arrays cost
 * less to build than rows as objects. The recording time is left out: working it out per row cost
 * the server as much as a metadata field, and only a read's last event needs it.
 */
export type ProjectionEventRow = [
  position: string,
  streamId: string,
  revision: string,
  eventId: string,
  type: string,
  data: unknown,
  occurredAt: string,
  schemaVersion: number,
];

export const PROJECTION_COLUMNS =
  "e.transaction_id::text || ':' || e.global_position::text as position, e.stream_id, e.revision::int8 as revision_number, e.event_id::text, e.type, e.data, e.metadata->>'occurredAt' as occurred_at, coalesce((e.metadata->>'schemaVersion')::int4, 1) as schema_version";

export function toProjectionEvent(row: ProjectionEventRow): ProjectionEvent {
  return {
    id: row[3],
    type: row[4],
    data: row[5],
    metadata: { occurredAt: row[6], schemaVersion: row[7] },
    streamId: row[1],
    revision: Number(row[2]),
    position: row[0],
  };
}
