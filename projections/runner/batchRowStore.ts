import { type CommonQueryMethods, sql } from "slonik";
import { z } from "zod";
import { type Change, KnownRows } from "./knownRows.ts";
import { type Row, type RowFilter, type RowStore, rowMatches } from "./projection.ts";
import { type SealedWrites, sendWrites } from "./rowWrites.ts";
import { keyOf, rowKey, type TablePlan } from "./tablePlans.ts";

type Changes = Map<string, Map<string, Change>>;
type Sweep = { table: string; where: RowFilter };

/**
 * Rows a batch reads and writes, by primary key. Writes collect in memory and are flushed as one
 * upsert and one delete per table inside the batch transaction; rows known from earlier batches
 * are kept while this runner is the only writer, and dropped whenever a batch fails. A flushed
 * batch stays "in flight" until its transaction commits, so the next batch can be prepared on
 * top of it meanwhile.
 */
export class BatchRowStore implements RowStore {
  readonly #schema: string;
  readonly #tables = new Map<string, TablePlan>();
  readonly #known: KnownRows;
  #pending: Changes = new Map();
  #inFlight: Changes = new Map();
  /** Filtered deletes of the batch, sent before its other writes; rows loaded meanwhile are checked against them. */
  #pendingSweeps: Sweep[] = [];
  #inFlightSweeps: Sweep[] = [];
  #db: CommonQueryMethods | null = null;
  #collecting = false;

  constructor(schema: string, tables: TablePlan[], options: { cacheSize?: number; startsEmpty: boolean }) {
    this.#schema = schema;
    for (const plan of tables) this.#tables.set(plan.definition.name, plan);
    this.#known = new KnownRows(options);
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
    // Even when the batch answers: rows written before a table's first read would otherwise be loaded one by one later.
    this.#known.reads(table);
    const cacheKey = rowKey(plan, key);
    const change = this.#pending.get(table)?.get(cacheKey) ?? this.#inFlight.get(table)?.get(cacheKey);
    if (change) return Promise.resolve(change.row ?? undefined);
    const known = this.#known.lookup(table, cacheKey);
    if (known !== undefined) return Promise.resolve(known ?? undefined);
    return this.#loadInto(plan, key, cacheKey);
  }

  async #loadInto(plan: TablePlan, key: Row, cacheKey: string): Promise<Row | undefined> {
    const loaded = await this.#load(plan, key);
    const row = loaded && this.#swept(plan.definition.name, loaded) ? undefined : loaded;
    this.#known.loaded(plan.definition.name, cacheKey, row ?? null);
    return row;
  }

  put(table: string, row: Row): void {
    this.#change(table, row, row);
  }

  async patch(table: string, key: Row, changes: Row): Promise<boolean> {
    const existing = await this.get(table, key);
    if (!existing) return false;
    this.put(table, { ...existing, ...changes });
    return true;
  }

  delete(table: string, key: Row): void {
    this.#change(table, key, null);
  }

  #change(table: string, key: Row, row: Row | null): void {
    const cacheKey = rowKey(this.#plan(table), key);
    const changes = this.#pendingFor(table);
    const stored = changes.get(cacheKey)?.stored ?? this.#mayBeStored(table, cacheKey);
    changes.set(cacheKey, { key, row, stored });
  }

  /** Whether the table may hold the row when this batch is written: false only when it is known not to. */
  #mayBeStored(table: string, cacheKey: string): boolean {
    const flushed = this.#inFlight.get(table)?.get(cacheKey);
    if (flushed) return flushed.row !== null;
    return this.#known.mayBeStored(table, cacheKey);
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
    const pending = this.#pendingFor(table);
    for (const [key, change] of pending) {
      if (change.row && rowMatches(change.row, where)) pending.set(key, { ...change, row: null });
    }
    for (const [key, change] of this.#inFlight.get(table) ?? []) {
      if (change.row && rowMatches(change.row, where) && !pending.has(key))
        pending.set(key, { key: change.key, row: null, stored: true });
    }
    for (const [key, row] of this.#known.rowsOf(table)) {
      if (rowMatches(row, where) && !pending.has(key))
        pending.set(key, { key: row, row: null, stored: true });
    }
    this.#pendingSweeps.push({ table, where });
  }

  #swept(table: string, row: Row): boolean {
    return [...this.#pendingSweeps, ...this.#inFlightSweeps].some(
      (sweep) => sweep.table === table && rowMatches(row, sweep.where),
    );
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

  /** The sealed changes as statements need them: filtered deletes first, then rows by table. */
  sealedWrites(): SealedWrites {
    const sweeps = this.#inFlightSweeps.map((sweep) => ({
      plan: this.#plan(sweep.table),
      where: sweep.where,
    }));
    const tables = [...this.#inFlight].map(([table, changes]) => {
      const plan = this.#plan(table);
      const writes = { plan, deleted: [] as Row[], written: [] as Row[], added: [] as Row[] };
      for (const change of changes.values()) {
        if (change.row) (change.stored ? writes.written : writes.added).push(change.row);
        else if (change.stored) writes.deleted.push(keyOf(plan, change.key));
      }
      return writes;
    });
    return { schema: this.#schema, sweeps, tables };
  }

  /** Sends the sealed changes on `tx` without waiting for them: the caller awaits the result before committing. */
  sendSealed(tx: CommonQueryMethods): Promise<void> {
    return sendWrites(tx, this.sealedWrites());
  }

  /** The sealed batch committed: its writes become what the cache knows. */
  commit(): void {
    for (const [table, changes] of this.#inFlight) this.#known.committed(table, changes);
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
    this.#known.forget();
    this.#db = null;
  }

  async #load(plan: TablePlan, key: Row): Promise<Row | undefined> {
    if (!this.#db) throw new Error("rows are read and written only inside a batch");
    const where = sql.join(
      plan.definition.primaryKey.map((c) => sql.fragment`t.${sql.identifier([c])} = ${key[c] as string}`),
      sql.fragment` and `,
    );
    const row = await this.#db.maybeOneFirst(sql.type(z.object({ row: z.record(z.string(), z.unknown()) }))`
      select to_jsonb(t) as row from ${sql.identifier([this.#schema, plan.definition.name])} t where ${where}`);
    return row ?? undefined;
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
}
