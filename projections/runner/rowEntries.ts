import { type KeyParts, keyParts } from "./keyParts.ts";
import type { Row } from "./projection.ts";
import type { RowEntry } from "./rowEntry.ts";

/**
 * One table's row entries by primary key. A key is looked up by its columns' own values, a map
 * per column, rather than by one string built from them: building and hashing that string for
 * every row an event touches cost more than the rest of the lookup. Values are compared as they
 * are, so a column's values keep one type (an int column's are numbers). The map of the first
 * column's value looked up last is kept at hand, as an event reads and writes several rows of
 * its own stream in turn. Entries are also linked about in the order they were last written,
 * which is the order they are dropped in: links in the entries themselves cost less to keep
 * than a set of every entry.
 */
export class RowEntries {
  readonly #single: boolean;
  readonly #key: KeyParts;
  /** By the first key column's value: the entry, or a map by the rest of the key. */
  readonly #byFirst = new Map<unknown, RowEntry | Map<unknown, RowEntry>>();
  #lastFirst: unknown = NOTHING;
  #lastRest: Map<unknown, RowEntry> | undefined;
  #oldest: RowEntry | undefined;
  #newest: RowEntry | undefined;
  #size = 0;

  constructor(table: string, columns: readonly string[]) {
    this.#single = columns.length === 1;
    this.#key = keyParts(table, columns);
  }

  get size(): number {
    return this.#size;
  }

  /** The first key column's value, and the rest of the key (undefined when the key has one column). */
  parts(key: Row): [unknown, unknown] {
    return [this.#key.first(key), this.#key.rest(key)];
  }

  find(key: Row): RowEntry | undefined {
    const first = this.#key.first(key);
    if (this.#single) return this.#byFirst.get(first) as RowEntry | undefined;
    const rest = this.#key.rest(key);
    if (first !== this.#lastFirst) {
      this.#lastRest = this.#byFirst.get(first) as Map<unknown, RowEntry> | undefined;
      this.#lastFirst = first;
    }
    return this.#lastRest?.get(rest);
  }

  /**
   * The key's entry, or a new one from `make` added: the key's parts are read and the first
   * column's map looked up once, where a lookup and then an add read and looked them up twice.
   */
  findOrAdd(key: Row, make: (first: unknown, rest: unknown, key: Row) => RowEntry): RowEntry {
    const first = this.#key.first(key);
    if (this.#single) {
      let entry = this.#byFirst.get(first) as RowEntry | undefined;
      if (entry === undefined) {
        entry = make(first, undefined, key);
        this.#byFirst.set(first, entry);
        this.#added(entry);
      }
      return entry;
    }
    const rest = this.#key.rest(key);
    if (first !== this.#lastFirst) {
      this.#lastRest = this.#byFirst.get(first) as Map<unknown, RowEntry> | undefined;
      this.#lastFirst = first;
    }
    let byRest = this.#lastRest;
    let entry = byRest?.get(rest);
    if (entry === undefined) {
      if (byRest === undefined) {
        byRest = new Map();
        this.#byFirst.set(first, byRest);
        this.#lastRest = byRest;
      }
      entry = make(first, rest, key);
      byRest.set(rest, entry);
      this.#added(entry);
    }
    return entry;
  }

  add(entry: RowEntry): void {
    if (this.#single) this.#byFirst.set(entry.first, entry);
    else {
      let rest = this.#byFirst.get(entry.first) as Map<unknown, RowEntry> | undefined;
      if (rest === undefined) {
        rest = new Map();
        this.#byFirst.set(entry.first, rest);
      }
      rest.set(entry.rest, entry);
      this.#lastFirst = entry.first;
      this.#lastRest = rest;
    }
    this.#added(entry);
  }

  #added(entry: RowEntry): void {
    this.#size++;
    this.#link(entry);
  }

  remove(entry: RowEntry): void {
    if (!this.#linked(entry)) return;
    this.#unlink(entry);
    this.#size--;
    if (this.#single) {
      this.#byFirst.delete(entry.first);
      return;
    }
    const rest = this.#byFirst.get(entry.first) as Map<unknown, RowEntry>;
    rest.delete(entry.rest);
    if (rest.size === 0) {
      this.#byFirst.delete(entry.first);
      if (this.#lastRest === rest) this.#lastFirst = NOTHING;
    }
  }

  /** The entry was written just now: it is dropped last. */
  touched(entry: RowEntry): void {
    if (this.#newest === entry || !this.#linked(entry)) return;
    this.#unlink(entry);
    this.#link(entry);
  }

  /** Every entry, those written longest ago first; removing the current one while iterating is safe. */
  *values(): IterableIterator<RowEntry> {
    let entry = this.#oldest;
    while (entry !== undefined) {
      const newer = entry.newer;
      yield entry;
      entry = newer;
    }
  }

  clear(): void {
    this.#byFirst.clear();
    this.#lastFirst = NOTHING;
    this.#lastRest = undefined;
    let entry = this.#oldest;
    while (entry !== undefined) {
      const newer = entry.newer;
      entry.older = entry.newer = undefined;
      entry = newer;
    }
    this.#oldest = this.#newest = undefined;
    this.#size = 0;
  }

  #linked(entry: RowEntry): boolean {
    return entry.older !== undefined || this.#oldest === entry;
  }

  #link(entry: RowEntry): void {
    entry.older = this.#newest;
    entry.newer = undefined;
    if (this.#newest === undefined) this.#oldest = entry;
    else this.#newest.newer = entry;
    this.#newest = entry;
  }

  #unlink(entry: RowEntry): void {
    const { older, newer } = entry;
    if (older === undefined) this.#oldest = newer;
    else older.newer = newer;
    if (newer === undefined) this.#newest = older;
    else newer.older = older;
    entry.older = entry.newer = undefined;
  }
}

/** No key column's value: what the map looked up last stands for before the first lookup. */
const NOTHING = Symbol("nothing");
