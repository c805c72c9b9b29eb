import { describe, expect, it } from "vitest";
import {
  assertFilter,
  assertNamespace,
  assertRecords,
  memoryNamespace,
  VectorIndexInputError,
} from "../../src/ports/vectorIndex.ts";

describe("memoryNamespace", () => {
  it("names one namespace per person and agent", () => {
    expect(memoryNamespace("0b9c7a52-5d0e-4c4c-9b7e-1f2a3b4c5d6e", "agent-7")).toBe(
      "memory.0b9c7a52-5d0e-4c4c-9b7e-1f2a3b4c5d6e.agent-7",
    );
  });

  it("never gives two pairs of ids the same name", () => {
    const pairs = [
      ["a.b", "c"],
      ["a", "b.c"],
      ["a%2Eb", "c"],
      ["ana", "bot"],
      ["Ana", "bot"],
      ["ána", "bot"],
    ] as const;
    const names = pairs.map(([user, agent]) => memoryNamespace(user, agent));
    expect(new Set(names).size).toBe(pairs.length);
    for (const name of names) expect(() => assertNamespace(name)).not.toThrow();
    expect(memoryNamespace("ána", "bot")).toBe("memory.%C3%A1na.bot");
  });

  it("refuses empty or overlong ids", () => {
    expect(() => memoryNamespace("", "bot")).toThrow(VectorIndexInputError);
    expect(() => memoryNamespace("x".repeat(600), "bot")).toThrow(VectorIndexInputError);
  });
});

describe("input checks", () => {
  it("accepts flat metadata and the supported filter operators", () => {
    expect(() =>
      assertRecords([{ id: "a", values: [0, 1], metadata: { s: "x", n: 1.5, b: false, l: ["p", "q"] } }], 2),
    ).not.toThrow();
    expect(() =>
      assertFilter({ $and: [{ s: { $eq: "x" } }, { n: { $gte: 1, $lte: 2 }, l: { $in: ["p", 3] } }] }),
    ).not.toThrow();
  });

  it("refuses metadata Pinecone would refuse", () => {
    const refused = (metadata: Record<string, unknown>) =>
      expect(() => assertRecords([{ id: "a", values: [1], metadata: metadata as never }], 1)).toThrow(
        VectorIndexInputError,
      );
    refused({ nested: { a: 1 } });
    refused({ nothing: null });
    refused({ numbers: [1, 2] });
    refused({ $key: "x" });
    refused({ big: "x".repeat(41_000) });
    refused({ infinite: Number.POSITIVE_INFINITY });
  });

  it("refuses filters outside the shared subset", () => {
    const refused = (filter: unknown) =>
      expect(() => assertFilter(filter as never)).toThrow(VectorIndexInputError);
    refused({});
    refused({ $or: [{ a: { $eq: 1 } }] });
    refused({ a: { $ne: 1 } });
    refused({ a: {} });
    refused({ a: { $in: [] } });
    refused({ a: { $in: [true] } });
    refused({ a: { $eq: null } });
    refused({ a: { $lte: "5" } });
    refused({ $and: [] });
    refused({ $and: [{ a: { $exists: true } }] });
  });
});
