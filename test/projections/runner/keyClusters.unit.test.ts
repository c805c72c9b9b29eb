import { describe, expect, it } from "vitest";
import { inKeyClusters } from "../../../projections/runner/keyClusters.ts";
import type { TablePlan } from "../../../projections/runner/tablePlans.ts";

const planKeyedBy = (primaryKey: string[]): TablePlan => ({
  definition: { name: "steps", columns: "", primaryKey },
  columns: [...primaryKey, "note"],
  jsonColumns: new Set(),
});

describe("rows grouped by their key's first column", () => {
  it("puts each stream's rows together, streams in ascending order, rows of a stream as given", () => {
    const rows = [
      { stream_id: "s-b", seq: 1 },
      { stream_id: "s-a", seq: 7 },
      { stream_id: "s-b", seq: 0 },
      { stream_id: "s-c", seq: 3 },
      { stream_id: "s-a", seq: 2 },
    ];
    expect(inKeyClusters(planKeyedBy(["stream_id", "seq"]), rows)).toEqual([
      { stream_id: "s-a", seq: 7 },
      { stream_id: "s-a", seq: 2 },
      { stream_id: "s-b", seq: 1 },
      { stream_id: "s-b", seq: 0 },
      { stream_id: "s-c", seq: 3 },
    ]);
  });

  it("orders numbers by value and keeps every row", () => {
    const rows = [10, 9, 100, 9].map((id, i) => ({ id, note: `n${i}` }));
    const ordered = inKeyClusters(planKeyedBy(["id"]), rows);
    expect(ordered.map((r) => [r.id, r.note])).toEqual([
      [9, "n1"],
      [9, "n3"],
      [10, "n0"],
      [100, "n2"],
    ]);
    expect(rows.map((r) => r.id)).toEqual([10, 9, 100, 9]);
  });

  it("gives back one row or none as it is", () => {
    const one = [{ id: "x" }];
    expect(inKeyClusters(planKeyedBy(["id"]), one)).toBe(one);
    expect(inKeyClusters(planKeyedBy(["id"]), [])).toEqual([]);
  });
});
