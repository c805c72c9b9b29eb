import { describe, expect, it } from "vitest";
import { type Change, KnownRows } from "../../../projections/runner/knownRows.ts";

const written = (...keys: string[]) =>
  new Map<string, Change>(keys.map((key) => [key, { key: { id: key }, row: { id: key }, stored: false }]));

describe("rows a row store knows", () => {
  it("knows every row of a fresh build, and once past its size, drops the rows written longest ago", () => {
    const known = new KnownRows({ cacheSize: 4, startsEmpty: true });
    known.reads("notes");
    known.committed("notes", written("a", "b", "c"));
    expect(known.lookup("notes", "a")).toEqual({ id: "a" });
    expect(known.lookup("notes", "z")).toBeNull();
    expect(known.mayBeStored("notes", "z")).toBe(false);

    known.committed("notes", written("a"));
    known.committed("notes", written("d", "e"));
    expect(known.lookup("notes", "b")).toBeUndefined();
    expect(known.lookup("notes", "a")).toEqual({ id: "a" });
    expect(known.lookup("notes", "z")).toBeUndefined();
    expect(known.mayBeStored("notes", "z")).toBe(true);
  });

  it("keeps only the keys of tables that are written and never read", () => {
    const known = new KnownRows({ startsEmpty: true });
    known.committed("series", written("1", "2"));
    expect(known.mayBeStored("series", "1")).toBe(true);
    expect(known.mayBeStored("series", "3")).toBe(false);
    expect([...known.rowsOf("series")]).toEqual([]);
  });
});
