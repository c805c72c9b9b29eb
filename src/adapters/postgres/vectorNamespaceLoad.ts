import type pg from "pg";
import type { VectorMetadata } from "../../ports/vectorIndex.ts";

/**
 * A namespace's records decoded for scanning, as of `version`: the first `count` of `decoded`.
 * Later versions add to the same `decoded`, so a new record costs its own row, not a copy of all.
 */
export interface LoadedNamespace {
  version: string;
  count: number;
  decoded: DecodedRecords;
}

/** Grows as records are added; a changed record is overwritten where it is. */
export interface DecodedRecords {
  ids: string[];
  metadata: VectorMetadata[];
  /** `dimensions` floats per record, each row scaled to unit length, and room for more. */
  rows: Float32Array;
  /** Row number of each id. */
  positions: Map<string, number>;
}

interface RecordRow {
  id: string;
  vector: Buffer;
  metadata: VectorMetadata;
}

/**
 * The namespace as of `version`: only the records written after the cached version when the cache
 * is still a base for it (no delete or rebuild since), else every record. Rows are read after the
 * version was, so they are at least that new; a later write still shows as a change.
 */
export async function loadNamespace(
  pool: pg.Pool,
  records: string,
  dimensions: number,
  namespace: string,
  version: { version: string; resetVersion: string },
  cached: LoadedNamespace | undefined,
): Promise<LoadedNamespace> {
  const since = cached && BigInt(version.resetVersion) <= BigInt(cached.version) ? cached : undefined;
  const { rows } = await pool.query<RecordRow>(
    since
      ? `select id, vector, metadata from ${records} where namespace = $1 and version > $2::bigint`
      : `select id, vector, metadata from ${records} where namespace = $1`,
    since ? [namespace, since.version] : [namespace],
  );
  const width = dimensions * 4;
  for (const row of rows)
    if (row.vector.byteLength !== width)
      throw new Error(
        `namespace ${namespace} holds vectors of ${row.vector.byteLength / 4} dimensions, not ${dimensions}; rebuild it with the current embedder`,
      );
  // Another load of the namespace may have added to `decoded` meanwhile: counted from it as it is now.
  const decoded: DecodedRecords = since?.decoded ?? {
    ids: [],
    metadata: [],
    rows: new Float32Array(0),
    positions: new Map(),
  };
  const added = rows.filter((row) => !decoded.positions.has(row.id)).length;
  const count = decoded.ids.length + added;
  if (decoded.rows.length < count * dimensions) {
    const grown = new Float32Array((since ? count * 2 : count) * dimensions);
    grown.set(decoded.rows);
    decoded.rows = grown;
  }
  const bytes = new Uint8Array(decoded.rows.buffer);
  for (const row of rows) {
    let at = decoded.positions.get(row.id);
    if (at === undefined) {
      at = decoded.ids.length;
      decoded.ids.push(row.id);
      decoded.metadata.push(row.metadata);
      decoded.positions.set(row.id, at);
    } else decoded.metadata[at] = row.metadata;
    bytes.set(row.vector, at * width);
    unit(decoded.rows.subarray(at * dimensions, (at + 1) * dimensions));
  }
  return { version: version.version, count, decoded };
}

/** Scales in place to unit length (writes refuse zero vectors). */
export function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < vector.length; i++) vector[i]! *= scale;
  return vector;
}
