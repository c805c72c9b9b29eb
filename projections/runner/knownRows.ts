import { LRUCache } from "lru-cache";
import type { Row } from "./projection.ts";

const ABSENT = Symbol("absent");
type Cached = Row | typeof ABSENT;

/** What a batch did to one row: the new row, or null when deleted; `stored` says the table may hold the row already. */
export interface Change {
  key: Row;
  row: Row | null;
  stored: boolean;
}

/**
 * What a row store knows of its tables beyond the batch under way: rows by table and key (an LRU
 * cache, kept while its runner is the only writer), and for a fresh build, which rows exist at all.
 * Rows of write-only tables (time series) are not cached; only their keys are kept, so a fresh
 * build can still tell new rows from stored ones.
 */
export class KnownRows {
  readonly #cache: LRUCache<string, { value: Cached }>;
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
    // Bounded by size rather than `max`, so its slots grow with use instead of being allocated up front.
    this.#cache = new LRUCache({ maxSize: options.cacheSize ?? 200_000, sizeCalculation: () => 1 });
  }

  /** The projection reads this table: its rows are cached from now on, not just their keys. */
  reads(table: string): void {
    this.#read.add(table);
  }

  /** The row if known, null if known to be absent, undefined if it has to be loaded. */
  lookup(table: string, key: string): Row | null | undefined {
    const cached = this.#cache.get(slot(table, key));
    if (cached) return cached.value === ABSENT ? null : cached.value;
    if (this.#knowsAll(table) && !this.#writtenKeys.get(table)?.has(key)) return null;
    return undefined;
  }

  /** Remembers a row read from the table (null: it has none). */
  loaded(table: string, key: string, row: Row | null): void {
    this.#cache.set(slot(table, key), { value: row ?? ABSENT });
    this.#noteEvictions();
  }

  /** Whether the table may hold the row: false only when it is known not to. */
  mayBeStored(table: string, key: string): boolean {
    const cached = this.#cache.peek(slot(table, key));
    if (cached) return cached.value !== ABSENT;
    return !this.#knowsAll(table) || (this.#writtenKeys.get(table)?.has(key) ?? false);
  }

  /** Known rows of the table, by key. */
  *rowsOf(table: string): Iterable<[string, Row]> {
    const prefix = `${table}\u0000`;
    for (const [cacheKey, cached] of this.#cache.entries()) {
      if (cacheKey.startsWith(prefix) && cached.value !== ABSENT)
        yield [cacheKey.slice(prefix.length), cached.value];
    }
  }

  /** A batch committed: its writes become what is known. */
  committed(table: string, changes: Map<string, Change>): void {
    if (!this.#read.has(table)) {
      this.#rememberKeys(table, changes);
      return;
    }
    for (const [key, change] of changes) this.#cache.set(slot(table, key), { value: change.row ?? ABSENT });
    this.#noteEvictions();
  }

  /** The stored state is unknown (a batch failed): nothing is known any more. */
  forget(): void {
    this.#cache.clear();
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
}

const slot = (table: string, key: string) => `${table}\u0000${key}`;
