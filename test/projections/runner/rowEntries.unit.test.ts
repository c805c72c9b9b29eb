import { describe, expect, it } from "vitest";
import type { Row } from "../../../projections/runner/projection.ts";
import type { RowEntry } from "../../../projections/runner/rowCache.ts";
import { RowEntries } from "../../../projections/runner/rowEntries.ts";

function add(entries: RowEntries, key: Row): RowEntry {
  const [first, rest] = entries.parts(key);
  const entry = { first, rest, key } as RowEntry;
  entries.add(entry);
  return entry;
}

describe("row entries by primary key", () => {
  it("finds rows by every column of a composite key, which never run together", () => {
    const entries = new RowEntries("messages", ["stream_id", "seq"]);
    const a = add(entries, { stream_id: "s1", seq: 23 });
    const b = add(entries, { stream_id: "s12", seq: 3 });
    expect(entries.find({ stream_id: "s1", seq: 23, text: "x" })).toBe(a);
    expect(entries.find({ stream_id: "s12", seq: 3 })).toBe(b);
    expect(entries.find({ stream_id: "s1", seq: 3 })).toBeUndefined();
    entries.remove(a);
    expect(entries.find({ stream_id: "s1", seq: 23 })).toBeUndefined();
    expect(entries.size).toBe(1);
  });

  it("joins the columns after the first of a longer key without ambiguity", () => {
    const entries = new RowEntries("cells", ["sheet", "row", "column"]);
    const a = add(entries, { sheet: "s", row: "1", column: "23" });
    add(entries, { sheet: "s", row: "12", column: "3" });
    expect(entries.find({ sheet: "s", row: "1", column: "23" })).toBe(a);
    expect(entries.size).toBe(2);
  });

  it("lists entries in the order they were last written", () => {
    const entries = new RowEntries("notes", ["id"]);
    const [a, b, c] = ["a", "b", "c"].map((id) => add(entries, { id }));
    entries.touched(a!);
    expect([...entries.values()]).toEqual([b, c, a]);
  });

  it("finds a stream's entries again after its last one went and a new one came", () => {
    const entries = new RowEntries("messages", ["stream_id", "seq"]);
    expect(entries.find({ stream_id: "s1", seq: 1 })).toBeUndefined();
    const a = add(entries, { stream_id: "s1", seq: 1 });
    expect(entries.find({ stream_id: "s1", seq: 1 })).toBe(a);
    entries.remove(a);
    entries.remove(a);
    expect(entries.find({ stream_id: "s1", seq: 1 })).toBeUndefined();
    const b = add(entries, { stream_id: "s1", seq: 1 });
    add(entries, { stream_id: "s2", seq: 1 });
    expect(entries.find({ stream_id: "s1", seq: 1 })).toBe(b);
    expect(entries.size).toBe(2);
    entries.clear();
    expect(entries.find({ stream_id: "s1", seq: 1 })).toBeUndefined();
    expect([...entries.values()]).toEqual([]);
  });

  it("lets the current entry be removed while listing them", () => {
    const entries = new RowEntries("notes", ["id"]);
    const [a, b, c] = ["a", "b", "c"].map((id) => add(entries, { id }));
    entries.touched(c!);
    entries.touched(a!);
    const seen: RowEntry[] = [];
    for (const entry of entries.values()) {
      seen.push(entry);
      if (entry !== c) entries.remove(entry);
    }
    expect(seen).toEqual([b, c, a]);
    expect([...entries.values()]).toEqual([c]);
    expect(entries.size).toBe(1);
    expect(entries.find({ id: "a" })).toBeUndefined();
  });

  it("makes a key's entry once and finds it after, beside a stream whose entries all went", () => {
    const entries = new RowEntries("messages", ["stream_id", "seq"]);
    const make = (first: unknown, rest: unknown, key: Row) => ({ first, rest, key }) as RowEntry;
    const gone = add(entries, { stream_id: "s1", seq: 9 });
    entries.remove(gone);
    const a = entries.findOrAdd({ stream_id: "s1", seq: 1, text: "x" }, make);
    expect(a).toMatchObject({ first: "s1", rest: 1 });
    expect(entries.findOrAdd({ stream_id: "s1", seq: 1 }, make)).toBe(a);
    const b = entries.findOrAdd({ stream_id: "s2", seq: 1 }, make);
    expect(entries.find({ stream_id: "s1", seq: 1 })).toBe(a);
    expect(entries.find({ stream_id: "s2", seq: 1 })).toBe(b);
    expect([...entries.values()]).toEqual([a, b]);
    expect(entries.size).toBe(2);
    const single = new RowEntries("notes", ["id"]);
    const note = single.findOrAdd({ id: "n" }, make);
    expect(single.findOrAdd({ id: "n" }, make)).toBe(note);
    expect(single.find({ id: "n" })).toBe(note);
    expect(single.size).toBe(1);
  });

  it("refuses a key with a column missing", () => {
    const entries = new RowEntries("messages", ["stream_id", "seq"]);
    expect(() => entries.find({ stream_id: "s1" })).toThrow("messages: primary key column seq is missing");
  });
});
