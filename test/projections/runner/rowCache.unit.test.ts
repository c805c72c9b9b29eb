import { describe, expect, it } from "vitest";
import { RowCache, type TableRows } from "../../../projections/runner/rowCache.ts";
import type { TablePlan } from "../../../projections/runner/tablePlans.ts";

const plan = (name: string): TablePlan => ({
  definition: { name, columns: "id text not null", primaryKey: ["id"] },
  columns: ["id"],
  jsonColumns: new Set(),
});

/** Commits a batch that wrote the given rows to the table. */
function commit(cache: RowCache, table: TableRows, ...ids: string[]): void {
  for (const id of ids) {
    const entry = table.entry({ id });
    entry.flushed = { id };
    table.inFlight.push(entry);
  }
  cache.committed(table);
}

const lookup = (cache: RowCache, table: TableRows, id: string) =>
  cache.lookup(table, table.entries.find({ id }));
const mayBeStored = (cache: RowCache, table: TableRows, id: string) =>
  cache.mayBeStored(table, table.entries.find({ id }) ?? table.entry({ id }));

describe("rows a row store knows", () => {
  it("knows every row of a fresh build, and once past its size, drops the rows written longest ago", () => {
    const cache = new RowCache([plan("notes")], { cacheSize: 4, startsEmpty: true });
    const notes = cache.table("notes");
    notes.read = true;
    commit(cache, notes, "a", "b", "c");
    expect(lookup(cache, notes, "a")).toEqual({ id: "a" });
    expect(lookup(cache, notes, "z")).toBeNull();
    expect(mayBeStored(cache, notes, "z")).toBe(false);

    commit(cache, notes, "a");
    commit(cache, notes, "d", "e");
    expect(lookup(cache, notes, "b")).toBeUndefined();
    expect(lookup(cache, notes, "a")).toEqual({ id: "a" });
    expect(lookup(cache, notes, "y")).toBeUndefined();
    expect(mayBeStored(cache, notes, "y")).toBe(true);
  });

  it("keeps only the keys of tables that are written and never read", () => {
    const cache = new RowCache([plan("series")], { startsEmpty: true });
    const series = cache.table("series");
    commit(cache, series, "1", "2");
    expect(mayBeStored(cache, series, "1")).toBe(true);
    expect(mayBeStored(cache, series, "3")).toBe(false);
    expect(lookup(cache, series, "1")).toBeUndefined();
  });

  it("knows nothing once forgotten", () => {
    const cache = new RowCache([plan("notes")], { startsEmpty: true });
    const notes = cache.table("notes");
    notes.read = true;
    commit(cache, notes, "a");
    cache.forget();
    expect(lookup(cache, notes, "a")).toBeUndefined();
    expect(mayBeStored(cache, notes, "z")).toBe(true);
  });
});
