import { describe, expect, it } from "vitest";
import { BatchRowStore } from "../../../projections/runner/batchRowStore.ts";
import type { TablePlan } from "../../../projections/runner/tablePlans.ts";

const plan: TablePlan = {
  definition: { name: "things", columns: "id text not null, n int not null", primaryKey: ["id"] },
  columns: ["id", "n"],
  jsonColumns: new Set(),
};

const store = (startsEmpty: boolean) => new BatchRowStore("s", [plan], { startsEmpty });

describe("BatchRowStore.editKnown", () => {
  it("hands out the batch's own copy of a row it knows, written with the batch like edit's", () => {
    const rows = store(true);
    // Read once, so committed rows are cached rather than kept by key only.
    expect(rows.editKnown("things", { id: "a" })).toBeNull();
    const stored = { id: "a", n: 1 };
    rows.put("things", stored);
    rows.seal();
    rows.commit();
    const copy = rows.editKnown("things", { id: "a" });
    expect(copy).toEqual({ id: "a", n: 1 });
    expect(copy).not.toBe(stored);
    copy!.n = 2;
    expect(rows.editKnown("things", { id: "a" })).toBe(copy);
    rows.seal();
    expect(rows.sealedWrites().tables[0]!.written).toEqual([{ id: "a", n: 2 }]);
    expect(stored.n).toBe(1);
  });

  it("says null for a row known to be absent, and undefined for one only the table can tell of", () => {
    expect(store(true).editKnown("things", { id: "b" })).toBeNull();
    const deleted = store(true);
    deleted.put("things", { id: "c", n: 1 });
    deleted.delete("things", { id: "c" });
    expect(deleted.editKnown("things", { id: "c" })).toBeNull();
    expect(store(false).editKnown("things", { id: "b" })).toBeUndefined();
    const unread = store(true);
    unread.put("things", { id: "d", n: 1 });
    unread.seal();
    unread.commit();
    expect(unread.editKnown("things", { id: "d" })).toBeUndefined();
  });
});

describe("BatchRowStore.getKnown", () => {
  it("gives the row get would, without a promise, when the batch or the cache holds it", async () => {
    const rows = store(true);
    expect(rows.getKnown("things", { id: "a" })).toBeNull();
    rows.put("things", { id: "a", n: 1 });
    expect(rows.getKnown("things", { id: "a" })).toEqual({ id: "a", n: 1 });
    rows.seal();
    rows.commit();
    expect(rows.getKnown("things", { id: "a" })).toBe(await rows.get("things", { id: "a" }));
    rows.delete("things", { id: "a" });
    expect(rows.getKnown("things", { id: "a" })).toBeNull();
  });

  it("says undefined for a row only the table can tell of", () => {
    expect(store(false).getKnown("things", { id: "b" })).toBeUndefined();
  });
});
