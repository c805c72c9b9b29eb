import { LRUCache } from "lru-cache";
import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import { type Row, type RowFilter, type RowStore, rowMatches, type TableDefinition } from "./projection.ts";
import {
  deleteRows,
  deleteRowsWhere,
  insertRows,
  keyOf,
  settleAll,
  type TablePlan,
  upsertRows,
} from "./rowWrites.ts";

const ABSENT = Symbol("absent");
type Cached = Row | typeof ABSENT;

/** A change of this batch: the new row, or null when deleted; `stored` says the table may hold the row already. */
interface Change {
  key: Row;
  row: Row | null;
  stored: boolean;
}

type Changes = Map<string, Map<string, Change>>;

/**
 * Rows a batch reads and writes, by primary key. Writes collect in memory and are flushed as one
 * upsert and one delete per table inside the batch transaction; the cache keeps rows across
 * batches while this runner is the only writer, and is dropped whenever a batch fails. A flushed
 * batch stays "in flight" until its transaction commits, so the next batch can be prepared on
 * top of it meanwhile.
 */
export class BatchRowStore implements RowStore {
  readonly #schema: string;
  readonly #tables = new Map<string, TablePlan>();
  readonly #cache: LRUCache<string, { value: Cached }>;
  #pending: Changes = new Map();
  #inFlight: Changes = new Map();
  /** Filtered deletes of the batch, sent before its other writes; rows loaded meanwhile are checked against them. */
  #pendingSweeps: { table: string; where: RowFilter }[] = [];
  #inFlightSweeps: { table: string; where: RowFilter }[] = [];
  #db: CommonQueryMethods | null = null;
  #collecting = false;
  /** True while every row of the generation is known to this cache (a fresh build, nothing evicted). */
  #complete: boolean;
  /** Tables a projection reads; rows of the others (write-only, like time series) are not cached. */
  readonly #read = new Set<string>();
  /** Tables with rows written but not cached: the cache cannot vouch that a row is absent. */
  readonly #uncached = new Set<string>();
  /**
   * Keys of rows written to tables the projection never reads, while the cache knows everything:
   * a fresh build then still knows which rows are new and inserts them without a conflict check.
   */
  readonly #writtenKeys = new Map<string, Set<string>>();

  constructor(schema: string, tables: TablePlan[], options: { cacheSize?: number; startsEmpty: boolean }) {
    this.#schema = schema;
    for (const plan of tables) this.#tables.set(plan.definition.name, plan);
    this.#complete = options.startsEmpty;
    // Bounded by size rather than `max`, so its slots grow with use instead of being allocated up front.
    this.#cache = new LRUCache({ maxSize: options.cacheSize ?? 200_000, sizeCalculation: () => 1 });
  }

  static async plan(db: CommonQueryMethods, schema: string, tables: TableDefinition[]): Promise<TablePlan[]> {
    const columns = await db.any(sql.type(z.object({ table_name: z.string(), column_name: z.string() }))`
      select table_name, column_name from information_schema.columns
      where table_schema = ${schema} order by table_name, ordinal_position`);
    return tables.map((definition) => ({
      definition,
      columns: columns.filter((c) => c.table_name === definition.name).map((c) => c.column_name),
    }));
  }

  /**
   * Starts collecting a batch, or goes on with the one being collected (a rebuild gathers several
   * reads of events into one write); `db` serves rows the cache does not know.
   */
  begin(db: CommonQueryMethods): void {
    this.#db = db;
    if (this.#collecting) return;
    this.#pending = new Map();
    this.#collecting = true;
  }

  /** Not `async`: rows the batch or the cache holds (nearly all of them) cost no extra promise. */
  get(table: string, key: Row): Promise<Row | undefined> {
    const plan = this.#plan(table);
    const cacheKey = this.#key(plan, key);
    const change = this.#pending.get(table)?.get(cacheKey) ?? this.#inFlight.get(table)?.get(cacheKey);
    if (change) return Promise.resolve(change.row ?? undefined);
    this.#read.add(table);
    const slot = `${table}\u0000${cacheKey}`;
    const cached = this.#cache.get(slot);
    if (cached) return Promise.resolve(cached.value === ABSENT ? undefined : cached.value);
    if (this.#knowsAll(table) && !this.#writtenKeys.get(table)?.has(cacheKey))
      return Promise.resolve(undefined);
    return this.#loadInto(plan, key, slot);
  }

  async #loadInto(plan: TablePlan, key: Row, slot: string): Promise<Row | undefined> {
    const loaded = await this.#load(plan, key);
    const row = loaded && this.#swept(plan.definition.name, loaded) ? undefined : loaded;
    this.#cache.set(slot, { value: row ?? ABSENT });
    this.#noteEvictions();
    return row;
  }

  put(table: string, row: Row): void {
    const plan = this.#plan(table);
    const cacheKey = this.#key(plan, row);
    const changes = this.#pendingFor(table);
    const stored = changes.get(cacheKey)?.stored ?? this.#mayBeStored(table, cacheKey);
    changes.set(cacheKey, { key: row, row, stored });
  }

  async patch(table: string, key: Row, changes: Row): Promise<boolean> {
    const existing = await this.get(table, key);
    if (!existing) return false;
    this.put(table, { ...existing, ...changes });
    return true;
  }

  delete(table: string, key: Row): void {
    const plan = this.#plan(table);
    const cacheKey = this.#key(plan, key);
    const changes = this.#pendingFor(table);
    const stored = changes.get(cacheKey)?.stored ?? this.#mayBeStored(table, cacheKey);
    changes.set(cacheKey, { key, row: null, stored });
  }

  /** Whether the table may hold the row when this batch is written: false only when the cache knows it does not. */
  #mayBeStored(table: string, cacheKey: string): boolean {
    const flushed = this.#inFlight.get(table)?.get(cacheKey);
    if (flushed) return flushed.row !== null;
    const cached = this.#cache.peek(`${table}\u0000${cacheKey}`);
    if (cached) return cached.value !== ABSENT;
    return !this.#knowsAll(table) || (this.#writtenKeys.get(table)?.has(cacheKey) ?? false);
  }

  /** How many rows the batch being collected changes so far. */
  get pendingRows(): number {
    let count = 0;
    for (const changes of this.#pending.values()) count += changes.size;
    return count;
  }

  /**
   * Rows this batch wrote so far and rows known from earlier batches that match are deleted now;
   * the table's other matching rows go in one statement before the batch's own writes, so rows
   * written after this call stay.
   */
  deleteWhere(table: string, where: RowFilter): void {
    this.#plan(table);
    for (const [key, change] of this.#pending.get(table) ?? []) {
      if (change.row && rowMatches(change.row, where))
        this.#pendingFor(table).set(key, { ...change, row: null });
    }
    for (const [key, change] of this.#inFlight.get(table) ?? []) {
      if (change.row && rowMatches(change.row, where) && !this.#pendingFor(table).has(key))
        this.#pendingFor(table).set(key, { key: change.key, row: null, stored: true });
    }
    const prefix = `${table}\u0000`;
    for (const [cacheKey, cached] of this.#cache.entries()) {
      if (!cacheKey.startsWith(prefix) || cached.value === ABSENT || !rowMatches(cached.value, where))
        continue;
      const key = cacheKey.slice(prefix.length);
      if (!this.#pendingFor(table).has(key))
        this.#pendingFor(table).set(key, { key: cached.value, row: null, stored: true });
    }
    this.#pendingSweeps.push({ table, where });
  }

  #swept(table: string, row: Row): boolean {
    return [...this.#pendingSweeps, ...this.#inFlightSweeps].some(
      (sweep) => sweep.table === table && rowMatches(row, sweep.where),
    );
  }

  /** Seals the batch and sends it: see `seal` and `sendSealed`. */
  flush(tx: CommonQueryMethods): Promise<void> {
    this.seal();
    return this.sendSealed(tx);
  }

  /** Ends the batch: its changes are in flight until `commit` or `discard`, and the next batch can begin. */
  seal(): void {
    if (this.#inFlight.size > 0) throw new Error("the previous batch is still in flight");
    this.#inFlight = this.#pending;
    this.#pending = new Map();
    this.#inFlightSweeps = this.#pendingSweeps;
    this.#pendingSweeps = [];
    this.#collecting = false;
  }

  /**
   * Sends the sealed changes on `tx`, one delete and one upsert statement per table, without
   * waiting for them: the caller awaits the result before committing.
   */
  sendSealed(tx: CommonQueryMethods): Promise<void> {
    const statements: Promise<unknown>[] = [];
    const sweeps = this.#inFlightSweeps.map((sweep) =>
      tx.query(deleteRowsWhere(this.#schema, this.#plan(sweep.table), sweep.where)),
    );
    if (sweeps.length > 0) return settleAll(sweeps).then(() => this.#sendChanges(tx, statements));
    return this.#sendChanges(tx, statements);
  }

  #sendChanges(tx: CommonQueryMethods, statements: Promise<unknown>[]): Promise<void> {
    for (const [table, changes] of this.#inFlight) {
      const plan = this.#plan(table);
      const deleted: Row[] = [];
      const written: Row[] = [];
      const added: Row[] = [];
      for (const change of changes.values()) {
        if (change.row) (change.stored ? written : added).push(change.row);
        else if (change.stored) deleted.push(keyOf(plan, change.key));
      }
      if (deleted.length > 0) statements.push(tx.query(deleteRows(this.#schema, plan, deleted)));
      if (written.length > 0) statements.push(tx.query(upsertRows(this.#schema, plan, written)));
      if (added.length > 0) statements.push(tx.query(insertRows(this.#schema, plan, added)));
    }
    return settleAll(statements);
  }

  /** The sealed batch committed: its writes become what the cache knows. */
  commit(): void {
    for (const [table, changes] of this.#inFlight) {
      if (!this.#read.has(table)) {
        this.#rememberKeys(table, changes);
        continue;
      }
      for (const [key, change] of changes)
        this.#cache.set(`${table}\u0000${key}`, { value: change.row ?? ABSENT });
    }
    this.#noteEvictions();
    this.#inFlight = new Map();
    this.#inFlightSweeps = [];
    if (!this.#collecting) this.#db = null;
  }

  /** The batch failed: forget its writes and everything cached, since the database state is unknown. */
  discard(): void {
    this.#pending = new Map();
    this.#inFlight = new Map();
    this.#pendingSweeps = [];
    this.#inFlightSweeps = [];
    this.#collecting = false;
    this.#cache.clear();
    this.#writtenKeys.clear();
    this.#complete = false;
    this.#db = null;
  }

  /** Keeps the keys of rows written to a table that is not read, while that stays within the cache's size. */
  #rememberKeys(table: string, changes: Map<string, Change>): void {
    if (!this.#knowsAll(table)) return;
    let keys = this.#writtenKeys.get(table);
    if (!keys) {
      keys = new Set();
      this.#writtenKeys.set(table, keys);
    }
    for (const [key, change] of changes) {
      if (change.row) keys.add(key);
      else keys.delete(key);
    }
    if (keys.size > this.#cache.maxSize) {
      this.#writtenKeys.delete(table);
      this.#uncached.add(table);
    }
  }

  #knowsAll(table: string): boolean {
    return this.#complete && !this.#uncached.has(table);
  }

  /** A full cache may have evicted rows: from then on, a row it does not hold may still be stored. */
  #noteEvictions(): void {
    if (this.#cache.calculatedSize >= this.#cache.maxSize) this.#complete = false;
  }

  async #load(plan: TablePlan, key: Row): Promise<Row | undefined> {
    const db = this.#requireDb();
    const where = sql.join(
      plan.definition.primaryKey.map((c) => sql.fragment`t.${sql.identifier([c])} = ${key[c] as string}`),
      sql.fragment` and `,
    );
    const row = await db.maybeOneFirst(sql.type(z.object({ row: z.record(z.string(), z.unknown()) }))`
      select to_jsonb(t) as row from ${sql.identifier([this.#schema, plan.definition.name])} t where ${where}`);
    return row ?? undefined;
  }

  /** The primary key as one string; parts carry their length so no two keys can run together. */
  #key(plan: TablePlan, row: Row): string {
    const columns = plan.definition.primaryKey;
    if (columns.length === 1) {
      const value = row[columns[0]!];
      if (value === undefined || value === null) {
        throw new Error(`${plan.definition.name}: primary key column ${columns[0]} is missing`);
      }
      return String(value);
    }
    let key = "";
    for (const column of columns) {
      const value = row[column];
      if (value === undefined || value === null) {
        throw new Error(`${plan.definition.name}: primary key column ${column} is missing`);
      }
      const text = String(value);
      key += `${text.length}:${text}`;
    }
    return key;
  }

  #plan(table: string): TablePlan {
    const plan = this.#tables.get(table);
    if (!plan) throw new Error(`no table ${table} in this projection`);
    return plan;
  }

  #pendingFor(table: string): Map<string, Change> {
    let changes = this.#pending.get(table);
    if (!changes) {
      changes = new Map();
      this.#pending.set(table, changes);
    }
    return changes;
  }

  #requireDb(): CommonQueryMethods {
    if (!this.#db) throw new Error("rows are read and written only inside a batch");
    return this.#db;
  }
}
