import type { VectorMatch, VectorQuery } from "../../ports/vectorIndex.ts";
import { type LoadedNamespace, unit } from "./vectorNamespaceLoad.ts";

/** Float32, little-endian (the byte order Float32Array reads on the platforms Node runs on). */
export function encode(values: readonly number[]): Buffer {
  const buffer = Buffer.allocUnsafe(values.length * 4);
  for (const [i, value] of values.entries()) buffer.writeFloatLE(value, i * 4);
  return buffer;
}

/** The `topK` best rows at or above `minScore`, best first (earlier rows first among equals). */
export function bestMatches(
  loaded: LoadedNamespace,
  { vector, topK, minScore = Number.NEGATIVE_INFINITY }: VectorQuery,
  allowed: Set<string> | null,
): VectorMatch[] {
  const { count } = loaded;
  const { ids, rows, metadata } = loaded.decoded;
  const query = unit(Float32Array.from(vector));
  const dimensions = query.length;
  const { dims, weights } = nonZero(query);
  // An embedding sets nearly every dimension: a straight pass beats looking each one up.
  const dense = dims.length * 2 > dimensions;
  const best: { row: number; score: number }[] = [];
  for (let row = 0; row < count; row++) {
    if (allowed && !allowed.has(ids[row]!)) continue;
    const offset = row * dimensions;
    let score = 0;
    if (dense) for (let j = 0; j < dimensions; j++) score += rows[offset + j]! * query[j]!;
    else for (let j = 0; j < dims.length; j++) score += rows[offset + dims[j]!]! * weights[j]!;
    if (score < minScore || (best.length === topK && score <= best[topK - 1]!.score)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { row, score });
    if (best.length > topK) best.pop();
  }
  return best.map(({ row, score }) => ({
    id: ids[row]!,
    score: Math.min(1, Math.max(-1, score)),
    metadata: structuredClone(metadata[row]!),
  }));
}

/**
 * The query's non-zero dimensions: a lexical query sets a few dozen of hundreds, and a zero term
 * adds nothing to a sum, so scanning only these gives the same scores at a fraction of the cost.
 */
function nonZero(query: Float32Array): { dims: Uint32Array; weights: Float64Array } {
  let count = 0;
  for (const value of query) if (value !== 0) count++;
  const dims = new Uint32Array(count);
  const weights = new Float64Array(count);
  let next = 0;
  for (let j = 0; j < query.length; j++) {
    if (query[j] === 0) continue;
    dims[next] = j;
    weights[next++] = query[j]!;
  }
  return { dims, weights };
}
