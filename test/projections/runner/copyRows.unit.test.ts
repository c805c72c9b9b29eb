import { describe, expect, it } from "vitest";
import { copyText } from "../../../projections/runner/copyRows.ts";
import type { TablePlan } from "../../../projections/runner/tablePlans.ts";

const plan: TablePlan = {
  definition: { name: "notes", columns: "", primaryKey: ["id"] },
  columns: ["id", "text", "count", "done", "tags", "note"],
  jsonColumns: new Set(["tags"]),
};

describe("COPY text of new rows", () => {
  it("writes columns in order, escapes tabs, newlines and backslashes, and leaves missing columns null", () => {
    const text = copyText(plan, [
      { id: "a", text: "line one\nline\ttwo \\ end", count: 3, done: true, tags: ["x", "y\tz"] },
      { id: "b", text: null, count: Number.NaN, done: false, tags: "plain", note: "n" },
    ]);
    expect(text).toBe(
      'a\tline one\\nline\\ttwo \\\\ end\t3\ttrue\t["x","y\\\\tz"]\t\\N\n' +
        'b\t\\N\t\\N\tfalse\t"plain"\tn\n',
    );
  });
});
