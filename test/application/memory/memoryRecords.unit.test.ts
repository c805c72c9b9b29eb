import { describe, expect, it } from "vitest";
import { memoryMetadata, readMemoryRecord } from "../../../src/application/memory/memoryRecords.ts";
import { assertRecords } from "../../../src/ports/vectorIndex.ts";

const fact = {
  text: "Sam is thinking of moving to Canada next year",
  kind: "fact" as const,
  factKind: "plan" as const,
  relatedKinds: ["place" as const],
  quote: "I'm thinking of moving to Canada next year",
  sourceMessageIds: ["m-1"],
  at: "2026-06-01T10:00:00.000Z",
  atMs: Date.parse("2026-06-01T10:00:00.000Z"),
  fromRevision: 7,
  toRevision: 7,
};

describe("memory records in the vector index", () => {
  it("carry kind, source messages and time, in metadata every adapter accepts", () => {
    const metadata = memoryMetadata(fact);
    expect(metadata).toMatchObject({
      kind: "fact",
      factKind: "plan",
      factKinds: ["plan", "place"],
      sourceMessageIds: ["m-1"],
      at: fact.at,
      atMs: fact.atMs,
    });
    expect(() => assertRecords([{ id: "r1", values: [1, 0], metadata }], 2)).not.toThrow();
    expect(readMemoryRecord("r1", metadata)).toEqual({ id: "r1", ...fact });
  });

  it("read records written before kinds and sources were stored", () => {
    expect(
      readMemoryRecord("old", {
        text: "Sam's sister is called Ana",
        kind: "message",
        at: fact.at,
        revision: 3,
      }),
    ).toMatchObject({ kind: "fact", factKind: null, sourceMessageIds: [], toRevision: 3, atMs: fact.atMs });
    expect(readMemoryRecord("old", { text: "Sam talked about Lisbon", kind: "summary" })).toMatchObject({
      kind: "summary",
      toRevision: -1,
    });
    expect(readMemoryRecord("empty", { kind: "fact" })).toBeNull();
  });
});
