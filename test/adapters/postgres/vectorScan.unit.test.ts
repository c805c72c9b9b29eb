import { describe, expect, it } from "vitest";
import { type LoadedNamespace, unit } from "../../../src/adapters/postgres/vectorNamespaceLoad.ts";
import { bestMatches } from "../../../src/adapters/postgres/vectorScan.ts";

const DIMENSIONS = 64;

/** A deterministic vector with about one value in `every` set, some of them negative. */
function sparseVector(seed: number, every: number): number[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: DIMENSIONS }, () => (next() * every < 1 ? next() * 2 - 1 : 0));
}

function namespaceOf(vectors: number[][]): LoadedNamespace {
  const rows = new Float32Array(vectors.length * DIMENSIONS);
  for (const [i, vector] of vectors.entries()) rows.set(unit(Float32Array.from(vector)), i * DIMENSIONS);
  const ids = vectors.map((_, i) => `r${i}`);
  const metadata = ids.map((id) => ({ id }));
  const positions = new Map(ids.map((id, i) => [id, i]));
  return { version: "1", count: ids.length, decoded: { ids, metadata, rows, positions } };
}

/** Every row's cosine summed over all dimensions, best first, earlier rows first among equals. */
function everyScore(loaded: LoadedNamespace, vector: number[]): { id: string; score: number }[] {
  const query = unit(Float32Array.from(vector));
  return loaded.decoded.ids
    .map((id, row) => {
      let score = 0;
      for (let j = 0; j < DIMENSIONS; j++) score += loaded.decoded.rows[row * DIMENSIONS + j]! * query[j]!;
      return { id, row, score };
    })
    .sort((a, b) => b.score - a.score || a.row - b.row)
    .map(({ id, score }) => ({ id, score }));
}

describe("bestMatches", () => {
  const loaded = namespaceOf(Array.from({ length: 200 }, (_, i) => sparseVector(i + 1, 4)));

  it.each([
    ["a sparse query", sparseVector(9_001, 8)],
    ["a dense query", sparseVector(9_002, 1)],
  ])("scores %s exactly as a sum over every dimension", (_, vector) => {
    const found = bestMatches(loaded, { vector, topK: 12 }, null);
    expect(found.map(({ id, score }) => ({ id, score }))).toEqual(everyScore(loaded, vector).slice(0, 12));
  });

  it("keeps to the allowed rows and the minimum score", () => {
    const vector = sparseVector(9_003, 8);
    const allowed = new Set(loaded.decoded.ids.filter((_, i) => i % 3 === 0));
    const found = bestMatches(loaded, { vector, topK: 50, minScore: 0.05 }, allowed);
    const expected = everyScore(loaded, vector).filter((m) => allowed.has(m.id) && m.score >= 0.05);
    expect(found.map((m) => m.id)).toEqual(expected.slice(0, 50).map((m) => m.id));
  });
});
