import { describe, expect, it } from "vitest";
import { keyParts } from "../../../projections/runner/keyParts.ts";

describe("a table's key parts", () => {
  it("reads the first column, and the second one as it is", () => {
    const parts = keyParts("messages", ["stream_id", "seq"]);
    const row = { stream_id: "c-1", seq: 4, text: "hi" };
    expect([parts.first(row), parts.rest(row)]).toEqual(["c-1", 4]);
    expect(keyParts("users", ["id"]).rest({ id: "u" })).toBeUndefined();
  });

  it("joins the columns after the first with their lengths, so no two keys read alike", () => {
    const parts = keyParts("triples", ["a", "b", "c"]);
    expect(parts.rest({ a: 1, b: "x:1", c: 2 })).toBe("3:x:11:2");
    expect(parts.rest({ a: 1, b: "x", c: "12" })).toBe("1:x2:12");
  });

  it("names the table and the column of a key without it", () => {
    const parts = keyParts("notes", ["id", 'we"ird\\name']);
    expect(() => parts.first({ other: 1 })).toThrow("notes: primary key column id is missing");
    expect(() => parts.rest({ id: 1, 'we"ird\\name': null })).toThrow(
      'notes: primary key column we"ird\\name is missing',
    );
  });
});
