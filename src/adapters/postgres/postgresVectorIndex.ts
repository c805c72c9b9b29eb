import { LRUCache } from "lru-cache";
import type pg from "pg";
import {
  assertNamespace,
  assertQuery,
  assertRecords,
  type VectorIndex,
  type VectorMatch,
  type VectorQuery,
  type VectorRecord,
} from "../../ports/vectorIndex.ts";
import { deleteSql, filterSql, vectorTables } from "./vectorIndexSql.ts";
import { type LoadedNamespace, loadNamespace } from "./vectorNamespaceLoad.ts";
import { bestMatches } from "./vectorScan.ts";
import { upsertRecords } from "./vectorUpsert.ts";

/**
 * The offline vector index: records in a Postgres table, cosine similarity computed in process.
 * A namespace's vectors are decoded once into one Float32Array of unit rows, kept, and extended
 * with the records each later version adds, so a query costs one small round trip and a linear
 * scan over the query's non-zero dimensions.
 */
export interface PostgresVectorIndexOptions {
  dimensions: number;
  /** Memory for decoded namespaces, least recently queried dropped first. Default 256 MB. */
  cacheBytes?: number;
  /** Tables `vector_records<suffix>` and `vector_namespaces<suffix>`: a rebuild beside the live index. */
  tableSuffix?: string;
}

interface NamespaceVersion {
  version: string;
  resetVersion: string;
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
  /** Warm-ups under way, by namespace. */
  readonly #warming = new Map<string, Promise<void>>();

  constructor(pool: pg.Pool, options: PostgresVectorIndexOptions) {
    this.#pool = pool;
    const tables = vectorTables(options.tableSuffix);
    this.#records = tables.records;
    this.#namespaces = tables.namespaces;
    this.dimensions = options.dimensions;
    this.#cache = new LRUCache({
      maxSize: options.cacheBytes ?? 256 * 1024 * 1024,
      sizeCalculation: (loaded) => Math.max(1, loaded.decoded.rows.byteLength + loaded.count * 256),
    });
  }

  async upsert(namespace: string, records: readonly VectorRecord[]): Promise<void> {
    assertNamespace(namespace);
    assertRecords(records, this.dimensions);
    await this.#writing(namespace, () =>
      upsertRecords(this.#pool, { records: this.#records, namespaces: this.#namespaces }, namespace, records),
    );
  }

  async query(namespace: string, query: VectorQuery): Promise<VectorMatch[]> {
    assertNamespace(namespace);
    assertQuery(query, this.dimensions);
    if (!query.filter) await this.#warming.get(namespace);
    if (!query.filter && this.#freshlyChecked(namespace, query.freshWithinMs)) {
      const checked = this.#checked.get(namespace)!;
      if (!checked.version) return [];
      const cached = this.#cache.get(namespace);
      if (cached?.version === checked.version.version) return bestMatches(cached, query, null);
    }
    const params: unknown[] = [namespace];
    const where = query.filter ? filterSql(query.filter, params) : null;
    const found = await this.#checkVersion(namespace, where, params);
    if (!found.version) return [];
    const loaded = await this.#load(namespace, found.version);
    return bestMatches(loaded, query, found.ids ? new Set(found.ids) : null);
  }

  /**
   * Asks for the namespace's version and loads what changed, so a query right after needs neither;
   * one at a time per namespace, and a query that comes meanwhile waits for it instead of asking too.
   */
  warmUp(namespace: string, options: { freshWithinMs?: number } = {}): Promise<void> {
    const running = this.#warming.get(namespace);
    if (running) return running;
    if (this.#freshlyChecked(namespace, options.freshWithinMs)) return Promise.resolve();
    const warming = (async () => {
      assertNamespace(namespace);
      const { version } = await this.#checkVersion(namespace, null, [namespace]);
      if (version) await this.#load(namespace, version);
    })()
      .catch(() => {})
      .finally(() => this.#warming.delete(namespace));
    this.#warming.set(namespace, warming);
    return warming;
  }

  #freshlyChecked(namespace: string, freshWithinMs: number | undefined): boolean {
    const checked = this.#checked.get(namespace);
    return checked !== undefined && performance.now() - checked.at <= (freshWithinMs ?? -1);
  }

  /** The namespace's version (null: no such namespace), and with a filter the ids that pass it. */
  async #checkVersion(
    namespace: string,
    where: string | null,
    params: unknown[],
  ): Promise<{ version: NamespaceVersion | null; ids?: string[] }> {
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
    return found?.ids ? { version, ids: found.ids } : { version };
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

  /**
   * A write of this index: what was asked of the namespace before it is asked again after. A
   * namespace held in memory is then brought forward at once, beside the writer, so the next turn
   * does not read what the memory reactors wrote (after a burst of indexing, hundreds of records)
   * on its way to its first words.
   */
  async #writing<T>(namespace: string, work: () => Promise<T>): Promise<T> {
    this.#lastWrite.set(namespace, ++this.#writes);
    this.#checked.delete(namespace);
    try {
      return await work();
    } finally {
      this.#lastWrite.set(namespace, ++this.#writes);
      this.#checked.delete(namespace);
      if (this.#cache.has(namespace))
        void (this.#warming.get(namespace) ?? Promise.resolve()).then(() => this.warmUp(namespace));
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
