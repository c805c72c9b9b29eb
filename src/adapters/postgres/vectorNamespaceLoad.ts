import type pg from "pg";
import type { VectorMetadata } from "../../ports/vectorIndex.ts";

/** A namespace's records decoded for scanning, as of `version`. */
export interface LoadedNamespace {
  version: string;
  ids: string[];
  metadata: VectorMetadata[];
  /** `dimensions` floats per record, each row scaled to unit length. */
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
  const added = since ? rows.filter((row) => !since.positions.has(row.id)).length : rows.length;
  const count = (since?.ids.length ?? 0) + added;
  const loaded: LoadedNamespace = {
    version: version.version,
    ids: since ? [...since.ids] : [],
    metadata: since ? [...since.metadata] : [],
    rows: new Float32Array(count * dimensions),
    positions: since ? new Map(since.positions) : new Map(),
  };
  if (since) loaded.rows.set(since.rows);
  const bytes = new Uint8Array(loaded.rows.buffer);
  const width = dimensions * 4;
  for (const row of rows) {
    if (row.vector.byteLength !== width)
      throw new Error(
        `namespace ${namespace} holds vectors of ${row.vector.byteLength / 4} dimensions, not ${dimensions}; rebuild it with the current embedder`,
      );
    let at = loaded.positions.get(row.id);
    if (at === undefined) {
      at = loaded.ids.length;
      loaded.ids.push(row.id);
      loaded.metadata.push(row.metadata);
      loaded.positions.set(row.id, at);
    } else loaded.metadata[at] = row.metadata;
    bytes.set(row.vector, at * width);
    unit(loaded.rows.subarray(at * dimensions, (at + 1) * dimensions));
  }
  return loaded;
}

/** Scales in place to unit length (writes refuse zero vectors). */
export function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < vector.length; i++) vector[i]! *= scale;
  return vector;
}
