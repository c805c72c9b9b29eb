import type { CommonQueryMethods } from "slonik";
import { deleteMatching, inFlightWrites, type Sweep, sealPending } from "./batchEntries.ts";
import { type Row, type RowFilter, type RowStore, rowMatches } from "./projection.ts";
import { readRowByKey } from "./readRowByKey.ts";
import { RowCache, type RowEntry, type TableRows } from "./rowCache.ts";
import { type SealedWrites, sendWrites } from "./rowWrites.ts";
import type { TablePlan } from "./tablePlans.ts";

/** What reading a row that is not there gives, made once. */
const NONE: Promise<undefined> = Promise.resolve(undefined);

/**
 * Rows a batch reads and writes, by primary key. Writes collect in memory and are flushed as one
 * upsert and one delete per table inside the batch transaction; rows known from earlier batches
 * are kept while this runner is the only writer, and dropped whenever a batch fails. A flushed
 * batch stays "in flight" until its transaction commits, so the next batch can be prepared on
 * top of it meanwhile. Each row has one entry holding all of that.
 */
export class BatchRowStore implements RowStore {
  readonly #schema: string;
  readonly #cache: RowCache;
  /** Filtered deletes of the batch, sent before its other writes; rows loaded meanwhile are checked against them. */
  #pendingSweeps: Sweep[] = [];
  #inFlightSweeps: Sweep[] = [];
  #db: CommonQueryMethods | null = null;
  #collecting = false;
  /** Awaited before a row is read from the table (a build's deferred primary keys are added then). */
  beforeLoad: (() => Promise<void>) | undefined;

  constructor(schema: string, tables: TablePlan[], options: { cacheSize?: number; startsEmpty: boolean }) {
    this.#schema = schema;
    this.#cache = new RowCache(tables, options);
  }

  /**
   * Starts collecting a batch, or goes on with the one being collected (a rebuild gathers several
   * reads of events into one write); `db` serves rows the cache does not know.
   */
  begin(db: CommonQueryMethods): void {
    this.#db = db;
    this.#collecting = true;
  }

  /** Not `async`: rows the batch or the cache holds (nearly all of them) cost no extra promise. */
  get(table: string, key: Row): Promise<Row | undefined> {
    const rows = this.#cache.table(table);
    // Even when the batch answers: rows written before a table's first read would otherwise be loaded one by one later.
    rows.read = true;
    const entry = rows.entries.find(key);
    if (entry !== undefined) {
      const changed = entry.pending !== undefined ? entry.pending : entry.flushed;
      if (changed === null) return NONE;
      if (changed !== undefined) return Promise.resolve(changed);
    }
    const known = this.#cache.lookup(rows, entry);
    if (known === null) return NONE;
    if (known !== undefined) return Promise.resolve(known);
    return this.#loadInto(rows, key);
  }

  /** `get` without a promise: the row, null when there is none, undefined when it has to be read. */
  getKnown(table: string, key: Row): Row | null | undefined {
    const rows = this.#cache.table(table);
    rows.read = true;
    const entry = rows.entries.find(key);
    if (entry !== undefined) {
      const changed = entry.pending !== undefined ? entry.pending : entry.flushed;
      if (changed !== undefined) return changed;
    }
    return this.#cache.lookup(rows, entry);
  }

  async #loadInto(rows: TableRows, key: Row): Promise<Row | undefined> {
    if (this.beforeLoad) await this.beforeLoad();
    const loaded = await this.#load(rows.plan, key);
    const row = loaded && this.#swept(rows.plan.definition.name, loaded) ? undefined : loaded;
    this.#cache.loaded(rows, key, row ?? null);
    return row;
  }

  edit(table: string, key: Row): Promise<Row | undefined> {
    const rows = this.#cache.table(table);
    const entry = rows.entries.find(key);
    if (entry?.pending && entry.pendingOwned) return Promise.resolve(entry.pending);
    return this.get(table, key).then((row) => {
      if (!row) return undefined;
      const copy = { ...row };
      const owner = this.#change(table, key, copy);
      owner.pendingOwned = true;
      return copy;
    });
  }

  /** Not a promise: nearly every edit of a rebuild finds its row in the batch or the cache. */
  editKnown(table: string, key: Row): Row | null | undefined {
    const rows = this.#cache.table(table);
    rows.read = true;
    const entry = rows.entries.find(key);
    if (entry?.pending && entry.pendingOwned) return entry.pending;
    const changed =
      entry === undefined ? undefined : entry.pending !== undefined ? entry.pending : entry.flushed;
    const row = changed !== undefined ? changed : this.#cache.lookup(rows, entry);
    if (!row) return row;
    const copy = { ...row };
    this.#change(table, key, copy).pendingOwned = true;
    return copy;
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

  #change(table: string, key: Row, row: Row | null): RowEntry {
    const rows = this.#cache.table(table);
    const entry = rows.entry(key);
    if (entry.pending === undefined) this.#startChange(rows, entry);
    entry.key = key;
    entry.pending = row;
    entry.pendingOwned = false;
    return entry;
  }

  /** The entry's first change in this batch: whether the table may hold the row when the batch is written. */
  #startChange(rows: TableRows, entry: RowEntry): void {
    entry.pendingStored =
      entry.flushed !== undefined ? entry.flushed !== null : this.#cache.mayBeStored(rows, entry);
    rows.pending.push(entry);
  }

  /** How many rows the batch being collected changes so far. */
  get pendingRows(): number {
    let count = 0;
    for (const rows of this.#cache.tables()) count += rows.pending.length;
    return count;
  }

  /**
   * Rows this batch wrote so far and rows known from earlier batches that match are deleted now;
   * the table's other matching rows go in one statement before the batch's own writes, so rows
   * written after this call stay.
   */
  deleteWhere(table: string, where: RowFilter): void {
    deleteMatching(this.#cache.table(table), where);
    this.#pendingSweeps.push({ table, where });
  }

  #swept(table: string, row: Row): boolean {
    return [...this.#pendingSweeps, ...this.#inFlightSweeps].some(
      (sweep) => sweep.table === table && rowMatches(row, sweep.where),
    );
  }

  /** Ends the batch: its changes are in flight until `commit` or `discard`, and the next batch can begin. */
  seal(): void {
    sealPending(this.#cache);
    this.#inFlightSweeps = this.#pendingSweeps;
    this.#pendingSweeps = [];
    this.#collecting = false;
  }

  /** The sealed changes as statements need them: filtered deletes first, then rows by table. */
  sealedWrites(): SealedWrites {
    return inFlightWrites(this.#schema, this.#cache, this.#inFlightSweeps);
  }

  /** Sends the sealed changes on `tx` without waiting for them: the caller awaits the result before committing. */
  sendSealed(tx: CommonQueryMethods): Promise<void> {
    return sendWrites(tx, this.sealedWrites());
  }

  /** The sealed batch committed: its writes become what the cache knows. */
  commit(): void {
    for (const rows of this.#cache.tables()) this.#cache.committed(rows);
    this.#inFlightSweeps = [];
    if (!this.#collecting) this.#db = null;
  }

  /** The batch failed: forget its writes and everything cached, since the database state is unknown. */
  discard(): void {
    this.#pendingSweeps = [];
    this.#inFlightSweeps = [];
    this.#collecting = false;
    this.#cache.forget();
    this.#db = null;
  }

  async #load(plan: TablePlan, key: Row): Promise<Row | undefined> {
    if (!this.#db) throw new Error("rows are read and written only inside a batch");
    return readRowByKey(this.#db, this.#schema, plan, key);
  }
}
