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

  it("writes text as Node's own UTF-8 encoder would, a lone surrogate as U+FFFD", () => {
    const escaped = (text: string) =>
      text.replace(/[\\\n\r\t]/g, (c) => ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!);
    const texts = [
      "",
      "ascii",
      "ß é ü",
      "中文 テキスト",
      "🙂🙃 pairs",
      "lone \ud83d end",
      "\udc00 low first",
      "high at end \ud83d",
      "\u007f\u0080\u07ff\u0800\uffff",
      "mixed\t🙂\n\\ü\r",
    ];
    for (const text of texts) {
      const chunk = copyChunk(plan, [{ id: text }], 0, 1);
      expect(chunk.equals(Buffer.from(`${escaped(text)}\t\\N\t\\N\t\\N\t\\N\t\\N\n`))).toBe(true);
    }
  });

  it("writes numbers as JavaScript prints them, and dates as ISO instants", () => {
    const values = [0, -0, 7, 10, 99, 1234567890, -42, 2.5, -0.125, 1e21, Number.MAX_SAFE_INTEGER, 2 ** 60];
    const text = copyText(
      plan,
      values.map((count) => ({ id: "n", count })),
    );
    expect(text).toBe(values.map((count) => `n\t\\N\t${String(count)}\t\\N\t\\N\t\\N\n`).join(""));
    const at = new Date("2025-01-06T08:00:00.000Z");
    expect(copyText(plan, [{ id: "d", text: at, count: Number.POSITIVE_INFINITY }])).toBe(
      "d\t2025-01-06T08:00:00.000Z\t\\N\t\\N\t\\N\t\\N\n",
    );
  });
});
