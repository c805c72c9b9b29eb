import type { Row } from "./projection.ts";
import { type RowEntry, STORED } from "./rowEntry.ts";
import type { TablePlan } from "./tablePlans.ts";
import { TableRows } from "./tableRows.ts";

export { type RowEntry, STORED, TableRows };

/** The key of an entry kept by its id alone: the next change of the row brings its key again. */
const KEPT_BY_ID: Row = Object.freeze({});

/**
 * What a row store knows of its tables beyond the batch under way: rows (a cache kept while its
 * runner is the only writer) and, for a fresh build, which rows exist at all. Rows of tables never
 * read (time series) are not cached; only their keys are kept, so a fresh build can still tell new
 * rows from stored ones. Past its size, the cache drops the rows written longest ago, of its
 * largest table.
 */
export class RowCache {
  readonly #tables = new Map<string, TableRows>();
  readonly #maxSize: number;
  #size = 0;
  /** True while every row of the generation is known here (a fresh build, nothing dropped). */
  #complete: boolean;

  constructor(plans: TablePlan[], options: { cacheSize?: number; startsEmpty: boolean }) {
    for (const plan of plans) this.#tables.set(plan.definition.name, new TableRows(plan));
    this.#complete = options.startsEmpty;
    this.#maxSize = options.cacheSize ?? 200_000;
  }

  table(name: string): TableRows {
    const table = this.#tables.get(name);
    if (!table) throw new Error(`no table ${name} in this projection`);
    return table;
  }

  tables(): Iterable<TableRows> {
    return this.#tables.values();
  }

  /** The stored row if known, null if known to be absent, undefined if it has to be loaded. */
  lookup(table: TableRows, entry: RowEntry | undefined): Row | null | undefined {
    const known = entry?.known;
    if (known === undefined) return this.#knowsAll(table) ? null : undefined;
    return known === STORED ? undefined : known;
  }

  /** Whether the table may hold the row: false only when it is known not to. */
  mayBeStored(table: TableRows, entry: RowEntry): boolean {
    const known = entry.known;
    return known === undefined ? !this.#knowsAll(table) : known !== null;
  }

  /** Remembers a row read from the table (null: it has none). */
  loaded(table: TableRows, key: Row, row: Row | null): void {
    const entry = table.entry(key);
    if (entry.known === undefined || entry.known === STORED) this.#setKnown(table, entry, row);
    this.#keepWithinSize();
  }

  /** The table's batch in flight committed: its changes become what is known. */
  committed(table: TableRows): void {
    const entries = table.inFlight;
    table.inFlight = [];
    const rows = table.read;
    const keys = !rows && this.#knowsAll(table);
    // Moved to the end, written last and dropped last, once the cache is half full: until then
    // no row is about to be dropped, and moving every row written cost as much as writing it.
    const ordered = rows && this.#size * 2 >= this.#maxSize;
    for (const entry of entries) {
      const row = entry.flushed ?? null;
      entry.flushed = undefined;
      if (rows) {
        this.#setKnown(table, entry, row);
        if (ordered) table.entries.touched(entry);
      } else {
        this.#setKnown(table, entry, keys && row ? STORED : undefined);
        // The key written with it may be the whole row, which a table never read has no use for.
        if (entry.pending === undefined) entry.key = KEPT_BY_ID;
        this.#dropIfIdle(table, entry);
      }
    }
    if (table.keys > this.#maxSize) {
      this.#dropKeys(table);
      table.uncached = true;
    }
    this.#keepWithinSize();
  }

  /** The stored state is unknown (a batch failed): nothing is known any more, no batch is under way. */
  forget(): void {
    for (const table of this.#tables.values()) {
      table.entries.clear();
      table.pending = [];
      table.inFlight = [];
      table.cached = 0;
      table.keys = 0;
    }
    this.#size = 0;
    this.#complete = false;
  }

  #knowsAll(table: TableRows): boolean {
    return this.#complete && !table.uncached;
  }

  #setKnown(table: TableRows, entry: RowEntry, known: RowEntry["known"]): void {
    const before = entry.known;
    if (before === STORED) table.keys--;
    else if (before !== undefined) {
      table.cached--;
      this.#size--;
    }
    entry.known = known;
    if (known === STORED) table.keys++;
    else if (known !== undefined) {
      table.cached++;
      this.#size++;
    }
  }

  #dropIfIdle(table: TableRows, entry: RowEntry): void {
    if (entry.known === undefined && entry.pending === undefined && entry.flushed === undefined)
      table.entries.remove(entry);
  }

  #dropKeys(table: TableRows): void {
    for (const entry of table.entries.values()) {
      if (entry.known !== STORED) continue;
      this.#setKnown(table, entry, undefined);
      this.#dropIfIdle(table, entry);
    }
  }

  /** A full cache may have dropped rows: from then on, a row it does not hold may still be stored. */
  #keepWithinSize(): void {
    if (this.#size < this.#maxSize) return;
    this.#complete = false;
    // Keys only tell new rows from stored ones while everything is known.
    for (const table of this.#tables.values()) if (table.keys > 0) this.#dropKeys(table);
    const target = Math.floor(this.#maxSize * 0.95);
    while (this.#size > target) {
      const largest = [...this.#tables.values()].reduce((a, b) => (b.cached > a.cached ? b : a));
      if (largest.cached === 0) return;
      for (const entry of largest.entries.values()) {
        if (entry.known === undefined || entry.known === STORED) continue;
        this.#setKnown(largest, entry, undefined);
        this.#dropIfIdle(largest, entry);
        if (this.#size <= target || largest.cached === 0) break;
      }
    }
  }
}
