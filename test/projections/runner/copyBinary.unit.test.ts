import { describe, expect, it } from "vitest";
import { binaryRowWriter } from "../../../projections/runner/copyBinary.ts";
import { CopyBuffer } from "../../../projections/runner/copyEncoding.ts";
import type { TablePlan } from "../../../projections/runner/tablePlans.ts";

const plan = (types: string[] | undefined): TablePlan => ({
  definition: { name: "notes", columns: "", primaryKey: ["id"] },
  columns: ["id", "n", "at", "tags"].slice(0, types?.length ?? 4),
  jsonColumns: new Set(["tags"]),
  ...(types ? { types } : {}),
});

const written = (p: TablePlan, row: Record<string, unknown>) => {
  const out = new CopyBuffer(4);
  const fits = binaryRowWriter(p)!(row, out);
  return { fits, bytes: [...out.bytes.subarray(0, out.at)] };
};

describe("binary COPY tuples", () => {
  const notes = plan(["text", "integer", "timestamp with time zone", "jsonb"]);

  it("write each field as its length and bytes, -1 for null, jsonb after its version byte", () => {
    const { fits, bytes } = written(notes, { id: "é", n: -2, at: "2000-01-01T00:00:00.001Z", tags: [1] });
    expect(fits).toBe(true);
    expect(bytes).toEqual([
      0, 4, 0, 0, 0, 2, 0xc3, 0xa9, 0, 0, 0, 4, 0xff, 0xff, 0xff, 0xfe, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0x03,
      0xe8, 0, 0, 0, 4, 1, 0x5b, 0x31, 0x5d,
    ]);
    expect(written(notes, { id: "a" }).bytes.slice(7)).toEqual([
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    ]);
  });

  it("refuse, writing nothing, a value whose text PostgreSQL would read its own way", () => {
    for (const row of [
      { id: "a", n: "3" },
      { id: "a", n: 1.5 },
      { id: "a", n: 2 ** 31 },
      { id: "a", at: "2025-01-07T09:30:00+02:00" },
      { id: "a", at: "2025-02-30T00:00:00Z" },
      { id: "a", at: "2025-01-06T24:00:00Z" },
      { id: "a", at: "0000-01-01T00:00:00Z" },
    ]) {
      expect(written(notes, row)).toEqual({ fits: false, bytes: [] });
    }
  });

  it("are not written for tables with a column of another type, or whose types are unknown", () => {
    expect(binaryRowWriter(plan(["text", "uuid"]))).toBeNull();
    expect(binaryRowWriter(plan(undefined))).toBeNull();
  });
});
