import { describe, expect, it } from "vitest";
import { copyChunk, copyText } from "../../../projections/runner/copyRows.ts";
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

  it("encodes text beyond ASCII as UTF-8, and rows larger than the buffer it starts with", () => {
    const long = "ü".repeat(300_000);
    const rows = [{ id: "a", text: "héllo 🙂" }, { id: "b", text: long }, { id: "c" }];
    const chunk = copyChunk(plan, rows, 1, 3);
    expect(chunk.toString("utf8")).toBe(`b\t${long}\t\\N\t\\N\t\\N\t\\N\nc\t\\N\t\\N\t\\N\t\\N\t\\N\n`);
    expect(copyChunk(plan, rows, 0, 1).toString("utf8")).toBe("a\théllo 🙂\t\\N\t\\N\t\\N\t\\N\n");
  });

  it("escapes short and long texts alike", () => {
    const long = `${"x".repeat(70)}\r\t\\`;
    const text = copyText(plan, [{ id: "a\rb\\", text: long }]);
    expect(text).toBe(`a\\rb\\\\\t${"x".repeat(70)}\\r\\t\\\\\t\\N\t\\N\t\\N\t\\N\n`);
  });

  it("reads columns whatever their names hold", () => {
    const odd: TablePlan = {
      definition: { name: "odd", columns: "", primaryKey: ["a"] },
      columns: ['we"ird\\name', "line\nbreak", "x"],
      jsonColumns: new Set(["x"]),
    };
    const text = copyText(odd, [{ 'we"ird\\name': "a", "line\nbreak": 2, x: { y: 1 } }]);
    expect(text).toBe('a\t2\t{"y":1}\n');
  });
});
