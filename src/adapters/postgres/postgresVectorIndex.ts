import { LRUCache } from "lru-cache";
import type pg from "pg";
import { assertNever } from "../../domain/shared/decider.ts";
import {
  assertNamespace,
  assertQuery,
  assertRecords,
  type FieldCondition,
  type VectorFilter,
  type VectorIndex,
  type VectorMatch,
  type VectorQuery,
  type VectorRecord,
} from "../../ports/vectorIndex.ts";
import { type LoadedNamespace, loadNamespace, unit } from "./vectorNamespaceLoad.ts";

/**
 * The offline vector index: records in a Postgres table, cosine similarity computed in process.
 * A namespace's vectors are decoded once into one Float32Array of unit rows and kept while the
 * namespace's version is unchanged, so a query costs one small round trip and a linear scan.
 */
export interface PostgresVectorIndexOptions {
  dimensions: number;
  /** Memory for decoded namespaces, least recently queried dropped first. Default 256 MB. */
  cacheBytes?: number;
  /** Tables `vector_records<suffix>` and `vector_namespaces<suffix>`: a rebuild beside the live index. */
  tableSuffix?: string;
}

const ROWS_PER_STATEMENT = 500;

interface NamespaceVersion {
  version: string;
  resetVersion: string;
}

function upsertSql(records: string, namespaces: string): string {
  return `
with next as (select nextval('vector_namespace_versions') as version),
namespace as (
  insert into ${namespaces} (namespace, version, reset_version) select $1, next.version, next.version from next
  on conflict (namespace) do update set version = excluded.version
  returning namespace, version
)
insert into ${records} (namespace, id, vector, metadata, version)
select namespace.namespace, r.id, r.vector, r.metadata, namespace.version
from namespace, unnest($2::text[], $3::bytea[], $4::jsonb[]) as r (id, vector, metadata)
on conflict (namespace, id) do update set vector = excluded.vector, metadata = excluded.metadata,
  version = excluded.version, updated_at = now()`;
}

function deleteSql(records: string, namespaces: string): string {
  return `
with next as (select nextval('vector_namespace_versions') as version),
namespace as (
  update ${namespaces} set version = next.version, reset_version = next.version from next where namespace = $1
  returning namespace
)
delete from ${records} r using namespace where r.namespace = namespace.namespace and r.id = any($2::text[])`;
}

/** The tables of an index: the live ones, or a rebuild's beside them. */
export function vectorTables(suffix = ""): { records: string; namespaces: string } {
  if (!/^[a-z0-9_]{0,40}$/.test(suffix))
    throw new Error(`vector table suffix ${JSON.stringify(suffix)} is not allowed`);
  return { records: `vector_records${suffix}`, namespaces: `vector_namespaces${suffix}` };
}

export class PostgresVectorIndex implements VectorIndex {
  readonly name = "postgres";
  readonly dimensions: number;
  readonly #pool: pg.Pool;
  readonly #cache: LRUCache<string, LoadedNamespace>;
  /** Each namespace's version as last asked (null: no such namespace), and `performance.now()` when asked. */
  readonly #checked = new LRUCache<string, { version: NamespaceVersion | null; at: number }>({ max: 10_000 });
  /** Counts the starts and ends of this index's writes; each namespace's latest: an answer that overlapped one is not kept. */
  #writes = 0;
  readonly #lastWrite = new LRUCache<string, number>({ max: 100_000 });
  readonly #records: string;
  readonly #namespaces: string;

  constructor(pool: pg.Pool, options: PostgresVectorIndexOptions) {
    this.#pool = pool;
    const tables = vectorTables(options.tableSuffix);
    this.#records = tables.records;
    this.#namespaces = tables.namespaces;
    this.dimensions = options.dimensions;
    this.#cache = new LRUCache({
      maxSize: options.cacheBytes ?? 256 * 1024 * 1024,
      sizeCalculation: (loaded) => Math.max(1, loaded.rows.byteLength + loaded.ids.length * 256),
    });
  }

  async upsert(namespace: string, records: readonly VectorRecord[]): Promise<void> {
    assertNamespace(namespace);
    assertRecords(records, this.dimensions);
    await this.#writing(namespace, () => this.#upsert(namespace, records));
  }

  async #upsert(namespace: string, records: readonly VectorRecord[]): Promise<void> {
    // One statement may not touch a row twice: the last record with an id wins.
    const latest = [...new Map(records.map((record) => [record.id, record])).values()];
    const write = (client: pg.Pool | pg.PoolClient, start: number) => {
      const chunk = latest.slice(start, start + ROWS_PER_STATEMENT);
      return client.query(upsertSql(this.#records, this.#namespaces), [
        namespace,
        chunk.map((record) => record.id),
        chunk.map((record) => encode(record.values)),
        chunk.map((record) => JSON.stringify(record.metadata)),
      ]);
    };
    if (latest.length <= ROWS_PER_STATEMENT) {
      if (latest.length > 0) await write(this.#pool, 0);
      return;
    }
    const client = await this.#pool.connect();
    try {
      await client.query("begin");
      for (let start = 0; start < latest.length; start += ROWS_PER_STATEMENT) await write(client, start);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async query(namespace: string, query: VectorQuery): Promise<VectorMatch[]> {
    assertNamespace(namespace);
    assertQuery(query, this.dimensions);
    const checked = this.#checked.get(namespace);
    const fresh = query.freshWithinMs ?? -1;
    if (!query.filter && checked && performance.now() - checked.at <= fresh) {
      if (!checked.version) return [];
      const cached = this.#cache.get(namespace);
      if (cached?.version === checked.version.version) return bestMatches(cached, query, null);
    }
    const params: unknown[] = [namespace];
    const where = query.filter ? filterSql(query.filter, params) : null;
    const writes = this.#writes;
    const at = performance.now();
    const overlapped = () => (this.#lastWrite.get(namespace) ?? Number.NEGATIVE_INFINITY) > writes;
    const { rows } = await this.#pool.query<{ version: string; reset_version: string; ids?: string[] }>(
      where
        ? `select v.version::text as version, v.reset_version::text as reset_version,
             array(select r.id from ${this.#records} r where r.namespace = v.namespace and ${where}) as ids
           from ${this.#namespaces} v where v.namespace = $1`
        : `select version::text as version, reset_version::text as reset_version
           from ${this.#namespaces} where namespace = $1`,
      params,
    );
    const found = rows[0];
    const version = found ? { version: found.version, resetVersion: found.reset_version } : null;
    if (!overlapped()) this.#checked.set(namespace, { version, at });
    if (!version) return [];
    const loaded = await this.#load(namespace, version);
    return bestMatches(loaded, query, found?.ids ? new Set(found.ids) : null);
  }

  async delete(namespace: string, ids: readonly string[]): Promise<void> {
    assertNamespace(namespace);
    if (ids.length > 0)
      await this.#writing(namespace, () =>
        this.#pool.query(deleteSql(this.#records, this.#namespaces), [namespace, ids]),
      );
  }

  async deleteNamespace(namespace: string): Promise<void> {
    assertNamespace(namespace);
    await this.#writing(namespace, () =>
      this.#pool.query(`delete from ${this.#namespaces} where namespace = $1`, [namespace]),
    );
    this.#cache.delete(namespace);
  }

  /** A write of this index: what was asked of the namespace before it is asked again after. */
  async #writing<T>(namespace: string, work: () => Promise<T>): Promise<T> {
    this.#lastWrite.set(namespace, ++this.#writes);
    this.#checked.delete(namespace);
    try {
      return await work();
    } finally {
      this.#lastWrite.set(namespace, ++this.#writes);
      this.#checked.delete(namespace);
    }
  }

  async #load(namespace: string, version: NamespaceVersion): Promise<LoadedNamespace> {
    const cached = this.#cache.get(namespace);
    if (cached?.version === version.version) return cached;
    const loaded = await loadNamespace(
      this.#pool,
      this.#records,
      this.dimensions,
      namespace,
      version,
      cached,
    );
    this.#cache.set(namespace, loaded);
    return loaded;
  }
}

/** Float32, little-endian (the byte order Float32Array reads on the platforms Node runs on). */
function encode(values: readonly number[]): Buffer {
  const buffer = Buffer.allocUnsafe(values.length * 4);
  for (const [i, value] of values.entries()) buffer.writeFloatLE(value, i * 4);
  return buffer;
}

/** The `topK` best rows at or above `minScore`, best first (earlier rows first among equals). */
function bestMatches(
  loaded: LoadedNamespace,
  { vector, topK, minScore = Number.NEGATIVE_INFINITY }: VectorQuery,
  allowed: Set<string> | null,
): VectorMatch[] {
  const { ids, rows } = loaded;
  const query = unit(Float32Array.from(vector));
  const dimensions = query.length;
  const best: { row: number; score: number }[] = [];
  for (let row = 0; row < ids.length; row++) {
    if (allowed && !allowed.has(ids[row]!)) continue;
    const offset = row * dimensions;
    let score = 0;
    for (let j = 0; j < dimensions; j++) score += rows[offset + j]! * query[j]!;
    if (score < minScore || (best.length === topK && score <= best[topK - 1]!.score)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { row, score });
    if (best.length > topK) best.pop();
  }
  return best.map(({ row, score }) => ({
    id: ids[row]!,
    score: Math.min(1, Math.max(-1, score)),
    metadata: structuredClone(loaded.metadata[row]!),
  }));
}

/** The filter as a SQL condition on `r.metadata`, its operands appended to `params`. */
function filterSql(filter: VectorFilter, params: unknown[]): string {
  const parts: string[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === "$and") {
      for (const part of condition as VectorFilter[]) parts.push(filterSql(part, params));
      continue;
    }
    const value = `(r.metadata -> $${params.push(field)}::text)`;
    for (const [operator, operand] of Object.entries(condition as FieldCondition)) {
      const op = operator as keyof FieldCondition;
      switch (op) {
        // `@>` is equality on a scalar and "has an element equal to" on a list.
        case "$eq":
          parts.push(`${value} @> $${params.push(JSON.stringify(operand))}::jsonb`);
          break;
        case "$in":
          parts.push(
            `${value} @> any($${params.push((operand as unknown[]).map((v) => JSON.stringify(v)))}::jsonb[])`,
          );
          break;
        case "$gte":
        case "$lte":
          parts.push(
            `case when jsonb_typeof(${value}) = 'number' then ${value}::numeric ${op === "$gte" ? ">=" : "<="} $${params.push(operand)}::numeric else false end`,
          );
          break;
        default:
          return assertNever(op);
      }
    }
  }
  return `(${parts.join(" and ")})`;
}
