import type { VectorIndex, VectorMatch, VectorQuery, VectorRecord } from "../../ports/vectorIndex.ts";

export interface VectorGenerations {
  live(): Promise<number>;
  switchTo(generation: number): Promise<void>;
}

export interface GenerationalVectorIndexOptions {
  /** How long the live generation is used before it is read again (default 5 s). */
  ttlMs?: number;
  now?: () => number;
}

/** Generation 0 keeps the names written before generations existed; later ones carry a prefix. */
export function generationNamespace(namespace: string, generation: number): string {
  return generation === 0 ? namespace : `g${generation}.${namespace}`;
}

/**
 * A vector index whose namespaces come in generations: recall and writes go to the live one,
 * read from `generations` (shared by every process), and a rebuild fills `at(next)` beside it.
 */
export class GenerationalVectorIndex implements VectorIndex {
  readonly #inner: VectorIndex;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly generations: VectorGenerations;
  #cached: { generation: number; until: number } | null = null;

  constructor(
    inner: VectorIndex,
    generations: VectorGenerations,
    options: GenerationalVectorIndexOptions = {},
  ) {
    this.#inner = inner;
    this.generations = generations;
    this.#ttlMs = options.ttlMs ?? 5_000;
    this.#now = options.now ?? (() => performance.now());
  }

  /** How long another process may still use the generation it read last. */
  get staleForMs(): number {
    return this.#ttlMs;
  }

  get name(): string {
    return this.#inner.name;
  }

  get dimensions(): number {
    return this.#inner.dimensions;
  }

  async liveGeneration(): Promise<number> {
    if (this.#cached && this.#cached.until > this.#now()) return this.#cached.generation;
    const generation = await this.generations.live();
    this.#cached = { generation, until: this.#now() + this.#ttlMs };
    return generation;
  }

  /** Switches every process to the generation (this one at once, others within the time to live). */
  async switchTo(generation: number): Promise<void> {
    await this.generations.switchTo(generation);
    this.#cached = null;
  }

  /** The index as one generation holds it, live or not. */
  at(generation: number): VectorIndex {
    const inner = this.#inner;
    const name = (namespace: string) => generationNamespace(namespace, generation);
    return {
      name: inner.name,
      dimensions: inner.dimensions,
      upsert: (namespace, records) => inner.upsert(name(namespace), records),
      query: (namespace, query) => inner.query(name(namespace), query),
      delete: (namespace, ids) => inner.delete(name(namespace), ids),
      deleteNamespace: (namespace) => inner.deleteNamespace(name(namespace)),
    };
  }

  async upsert(namespace: string, records: readonly VectorRecord[]): Promise<void> {
    return this.at(await this.liveGeneration()).upsert(namespace, records);
  }

  async query(namespace: string, query: VectorQuery): Promise<VectorMatch[]> {
    return this.at(await this.liveGeneration()).query(namespace, query);
  }

  async delete(namespace: string, ids: readonly string[]): Promise<void> {
    return this.at(await this.liveGeneration()).delete(namespace, ids);
  }

  /**
   * Deletes the namespace in every generation, the one a rebuild may be filling included: an
   * erased person's vectors must not survive in an old or a coming generation.
   */
  async deleteNamespace(namespace: string): Promise<void> {
    const live = await this.generations.live();
    for (let generation = 0; generation <= live + 1; generation++)
      await this.at(generation).deleteNamespace(namespace);
  }
}
