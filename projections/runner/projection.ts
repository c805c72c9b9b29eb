import type { DomainEvent } from "../../src/domain/shared/decider.ts";
import type { LiveMessage, Topic } from "../../src/ports/liveBus.ts";

/** A stored event with its data parsed and upcast to the current schema. */
export interface ProjectedEvent<E extends DomainEvent = DomainEvent> {
  id: string;
  type: E["type"];
  data: E["data"];
  streamId: string;
  revision: number;
  position: string;
  occurredAt: string;
}

/** A JSON-shaped row: what `to_jsonb(row)` gives back and `json_populate_recordset` takes. */
export type Row = Record<string, unknown>;

export interface TableDefinition {
  name: string;
  /** Column definitions, as in `create table (...)`, without the primary key clause. */
  columns: string;
  primaryKey: string[];
  /** Index definitions after `on <table>`, e.g. `(conversation_id, seq desc)`. */
  indexes?: string[];
  /**
   * The columns queries filter, join or sort on, when that is far fewer than all: a rebuild then
   * gathers planner statistics on these alone (by default on every column but json ones).
   */
  statistics?: string[];
}

/**
 * How a projection writes: rows by primary key. Reads within a batch see the batch's own writes;
 * the runner turns what changed into one statement per table and commits it with the checkpoint.
 */
export interface RowStore {
  get(table: string, key: Row): Promise<Row | undefined>;
  /** `get` without a promise, for a row the store knows: null when there is none, undefined when it has to be read. */
  getKnown?(table: string, key: Row): Row | null | undefined;
  /** Inserts or replaces the whole row. */
  put(table: string, row: Row): void;
  /**
   * The row to change in place, undefined when there is none: the batch's own copy, made on its
   * first edit in a batch, so that rows in flight, cached or handed out before stay as they were.
   * What is set on it is written with the batch; it is valid until the next put, patch or delete.
   */
  edit(table: string, key: Row): Promise<Row | undefined>;
  /**
   * `edit` without a promise, for a row the store knows without reading the table: the row to
   * change, null when there is none, undefined when it has to be read (then `edit` it).
   */
  editKnown?(table: string, key: Row): Row | null | undefined;
  /** Merges into an existing row; returns false (writing nothing) when there is none. */
  patch(table: string, key: Row, changes: Row): Promise<boolean>;
  delete(table: string, key: Row): void;
  /** Deletes every row whose text column equals the value or starts with the prefix (erasing a person). */
  deleteWhere(table: string, where: RowFilter): void;
}

/** Rows of one text column: equal to `equals`, or starting with `startsWith`. */
export interface RowFilter {
  column: string;
  equals?: string;
  startsWith?: string;
}

export function rowMatches(row: Row, where: RowFilter): boolean {
  const value = row[where.column];
  if (typeof value !== "string") return false;
  if (where.equals !== undefined) return value === where.equals;
  return where.startsWith !== undefined && value.startsWith(where.startsWith);
}

/** A live message a projection publishes once the batch that made it commits. */
export interface Notice {
  topic: Topic<LiveMessage>;
  message: LiveMessage;
}

/** A notice whose message is one its topic carries. */
export function notice<M extends LiveMessage>(topic: Topic<M>, message: M): Notice {
  return { topic, message };
}

export interface ProjectionDefinition {
  name: string;
  /** Bump when tables or evolve change meaning; a new version is built beside the old one. */
  version: number;
  tables: TableDefinition[];
  /** Event types this projection reads; others are skipped without being parsed. */
  canHandle: readonly string[];
  evolve(event: ProjectedEvent, rows: RowStore): Promise<void> | void;
  /** Live notices to publish after the batch holding this event commits. */
  notify?(event: ProjectedEvent, rows: RowStore): Promise<Notice[]> | Notice[];
}

export function defineProjection(definition: ProjectionDefinition): ProjectionDefinition {
  const tables = new Set(definition.tables.map((t) => t.name));
  if (tables.size !== definition.tables.length)
    throw new Error(`${definition.name}: a table is defined twice`);
  return definition;
}

/** The union of projected events, one member per event type, so a `switch` on `type` narrows `data`. */
export type ProjectedOf<E extends DomainEvent> = E extends DomainEvent ? ProjectedEvent<E> : never;
