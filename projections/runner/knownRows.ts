import type { Row } from "./projection.ts";

/** What a batch did to one row: the new row, or null when deleted; `stored` says the table may hold the row already. */
export interface Change {
  key: Row;
  row: Row | null;
  stored: boolean;
}

/**
 * What a row store knows of its tables beyond the batch under way: rows by table and key (a cache
 * kept while its runner is the only writer; null for a row known to be absent), and for a fresh
 * build, which rows exist at all. Rows of write-only tables (time series) are not cached; only
 * their keys are kept, so a fresh build can still tell new rows from stored ones. Past its size,
 * the cache drops the rows written longest ago, of its largest table.
 */
export class KnownRows {
  readonly #cache = new Map<string, Map<string, Row | null>>();
  readonly #maxSize: number;
  #size = 0;
  /** True while every row of the generation is known here (a fresh build, nothing evicted). */
  #complete: boolean;
  /** Tables a projection reads; rows of the others are not cached. */
  readonly #read = new Set<string>();
  /** Tables with rows written but not cached: absence of a row cannot be vouched for. */
  readonly #uncached = new Set<string>();
  /** Keys of rows written to tables never read, kept while everything is known. */
  readonly #writtenKeys = new Map<string, Set<string>>();

  constructor(options: { cacheSize?: number; startsEmpty: boolean }) {
    this.#complete = options.startsEmpty;
    this.#maxSize = options.cacheSize ?? 200_000;
  }

  /** The projection reads this table: its rows are cached from now on, not just their keys. */
  reads(table: string): void {
    this.#read.add(table);
  }

  /** The row if known, null if known to be absent, undefined if it has to be loaded. */
  lookup(table: string, key: string): Row | null | undefined {
    const cached = this.#cache.get(table)?.get(key);
    if (cached !== undefined) return cached;
    if (this.#knowsAll(table) && !this.#writtenKeys.get(table)?.has(key)) return null;
    return undefined;
  }

  /** Remembers a row read from the table (null: it has none). */
  loaded(table: string, key: string, row: Row | null): void {
    this.#remember(this.#rowsOf(table), key, row);
    this.#keepWithinSize();
  }

  /** Whether the table may hold the row: false only when it is known not to. */
  mayBeStored(table: string, key: string): boolean {
    const cached = this.#cache.get(table)?.get(key);
    if (cached !== undefined) return cached !== null;
    return !this.#knowsAll(table) || (this.#writtenKeys.get(table)?.has(key) ?? false);
  }

  /** Known rows of the table, by key. */
  *rowsOf(table: string): Iterable<[string, Row]> {
    for (const [key, row] of this.#cache.get(table) ?? []) if (row) yield [key, row];
  }

  /** A batch committed: its writes become what is known. */
  committed(table: string, changes: Map<string, Change>): void {
    if (!this.#read.has(table)) {
      this.#rememberKeys(table, changes);
      return;
    }
    const rows = this.#rowsOf(table);
    for (const [key, change] of changes) this.#remember(rows, key, change.row);
    this.#keepWithinSize();
  }

  /** The stored state is unknown (a batch failed): nothing is known any more. */
  forget(): void {
    this.#cache.clear();
    this.#size = 0;
    this.#writtenKeys.clear();
    this.#complete = false;
  }

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
    if (keys.size > this.#maxSize) {
      this.#writtenKeys.delete(table);
      this.#uncached.add(table);
    }
  }

  #knowsAll(table: string): boolean {
    return this.#complete && !this.#uncached.has(table);
  }

  #rowsOf(table: string): Map<string, Row | null> {
    let rows = this.#cache.get(table);
    if (!rows) {
      rows = new Map();
      this.#cache.set(table, rows);
    }
    return rows;
  }

  /** Sets the row, moved to the end of its table's order (written last, dropped last). */
  #remember(rows: Map<string, Row | null>, key: string, row: Row | null): void {
    if (rows.delete(key)) this.#size--;
    rows.set(key, row);
    this.#size++;
  }

  /** A full cache may have dropped rows: from then on, a row it does not hold may still be stored. */
  #keepWithinSize(): void {
    if (this.#size < this.#maxSize) return;
    this.#complete = false;
    const target = Math.floor(this.#maxSize * 0.95);
    while (this.#size > target) {
      const largest = [...this.#cache.values()].reduce((a, b) => (b.size > a.size ? b : a));
      for (const key of largest.keys()) {
        largest.delete(key);
        this.#size--;
        if (this.#size <= target || largest.size === 0) break;
      }
    }
  }
}
