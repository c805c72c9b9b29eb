import {
  assertNamespace,
  assertQuery,
  assertRecords,
  type FieldCondition,
  type MetadataValue,
  type VectorFilter,
  type VectorIndex,
  type VectorMatch,
  type VectorQuery,
  type VectorRecord,
} from "../../src/ports/vectorIndex.ts";

/** A vector index in a Map, for unit tests that run the memory port without a database. */
export class InMemoryVectorIndex implements VectorIndex {
  readonly name = "in-memory";
  readonly dimensions: number;
  readonly #spaces = new Map<string, Map<string, VectorRecord>>();

  constructor(dimensions: number) {
    this.dimensions = dimensions;
  }

  async upsert(namespace: string, records: readonly VectorRecord[]): Promise<void> {
    assertNamespace(namespace);
    assertRecords(records, this.dimensions);
    const space = this.#spaces.get(namespace) ?? new Map<string, VectorRecord>();
    for (const record of records) space.set(record.id, record);
    this.#spaces.set(namespace, space);
  }

  async query(namespace: string, query: VectorQuery): Promise<VectorMatch[]> {
    assertNamespace(namespace);
    assertQuery(query, this.dimensions);
    const records = [...(this.#spaces.get(namespace)?.values() ?? [])];
    return records
      .filter((record) => !query.filter || matches(record.metadata, query.filter))
      .map((record) => ({
        id: record.id,
        score: cosine(query.vector, record.values),
        metadata: record.metadata,
      }))
      .filter((match) => query.minScore === undefined || match.score >= query.minScore)
      .sort((a, b) => b.score - a.score)
      .slice(0, query.topK);
  }

  async delete(namespace: string, ids: readonly string[]): Promise<void> {
    for (const id of ids) this.#spaces.get(namespace)?.delete(id);
  }

  async deleteNamespace(namespace: string): Promise<void> {
    this.#spaces.delete(namespace);
  }
}

function matches(metadata: Record<string, MetadataValue>, filter: VectorFilter): boolean {
  return Object.entries(filter).every(([field, condition]) =>
    field === "$and"
      ? (condition as VectorFilter[]).every((part) => matches(metadata, part))
      : holds(metadata[field], condition as FieldCondition),
  );
}

function holds(value: MetadataValue | undefined, condition: FieldCondition): boolean {
  if (value === undefined) return false;
  const values = Array.isArray(value) ? value : [value];
  if (condition.$eq !== undefined && !values.includes(condition.$eq as never)) return false;
  if (condition.$in && !values.some((v) => condition.$in!.includes(v as never))) return false;
  if (condition.$gte !== undefined && !(typeof value === "number" && value >= condition.$gte)) return false;
  if (condition.$lte !== undefined && !(typeof value === "number" && value <= condition.$lte)) return false;
  return true;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
