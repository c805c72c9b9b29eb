/**
 * Nearest-neighbour search over embedded memories, one namespace per person × agent. Record ids
 * are derived by callers from event ids, so writing the same record twice overwrites it.
 */
export type MetadataValue = string | number | boolean | string[];
export type VectorMetadata = Record<string, MetadataValue>;

export interface VectorRecord {
  id: string;
  values: readonly number[];
  metadata: VectorMetadata;
}

export type FilterScalar = string | number | boolean;

/**
 * The part of Pinecone's filter language every adapter supports. On a string-list field, `$eq`
 * and `$in` match when any element matches; `$gte`/`$lte` only match numbers. Conditions on one
 * field, and fields side by side, all have to hold.
 */
export interface FieldCondition {
  $eq?: FilterScalar;
  $in?: (string | number)[];
  $gte?: number;
  $lte?: number;
}
export type VectorFilter = { $and: VectorFilter[] } | { [field: string]: FieldCondition };

export interface VectorQuery {
  vector: readonly number[];
  topK: number;
  filter?: VectorFilter;
  /** Cosine similarity below which matches are left out. */
  minScore?: number;
  /**
   * A namespace this index found unchanged at most this many milliseconds ago may be searched as
   * it was then, without asking its store again (its own writes are always seen). Indexes that
   * ask on every query anyway ignore it.
   */
  freshWithinMs?: number;
}

export interface VectorMatch {
  id: string;
  /** Cosine similarity, −1 … 1. */
  score: number;
  metadata: VectorMetadata;
}

export interface VectorIndex {
  readonly name: string;
  readonly dimensions: number;
  /** Inserts or overwrites records by id. */
  upsert(namespace: string, records: readonly VectorRecord[]): Promise<void>;
  /** The `topK` most similar records, best first. */
  query(namespace: string, query: VectorQuery): Promise<VectorMatch[]>;
  /** Ids that are not there are ignored. */
  delete(namespace: string, ids: readonly string[]): Promise<void>;
  /** Removes every record of the namespace; a namespace that does not exist is fine. */
  deleteNamespace(namespace: string): Promise<void>;
  /**
   * Gets the namespace ready for a query coming soon (an index that checks and loads what it
   * searches does so now), so the query finds it fresh. Indexes with nothing to prepare leave it
   * out; it never fails, and a query works the same without it. `freshWithinMs` as in a query:
   * a namespace found unchanged that recently needs nothing.
   */
  warmUp?(namespace: string, options?: { freshWithinMs?: number }): Promise<void>;
}

/** A request no adapter would accept (the same limits everywhere, Pinecone's being the tightest). */
export class VectorIndexInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VectorIndexInputError";
  }
}

export const MAX_TOP_K = 1_000;
const MAX_NAME_LENGTH = 512;
const MAX_METADATA_BYTES = 40_960;
const OPERATORS = new Set(["$eq", "$in", "$gte", "$lte"]);
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

/** The namespace of one person's memories with one agent; distinct ids always give distinct names. */
export function memoryNamespace(userId: string, agentId: string): string {
  const part = (id: string) => {
    if (id.length === 0) throw new VectorIndexInputError("a namespace part cannot be empty");
    // Every id the platform makes (a UUID, a name-based id) is written as it is: checked whole, not byte by byte.
    if (SAFE_ID.test(id)) return id;
    return Array.from(new TextEncoder().encode(id), (byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9_-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }).join("");
  };
  const namespace = `memory.${part(userId)}.${part(agentId)}`;
  assertName("namespace", namespace);
  return namespace;
}

function assertName(what: string, name: string): void {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || !/^[\x20-\x7e]+$/.test(name))
    throw new VectorIndexInputError(
      `${what} ${JSON.stringify(name.slice(0, 80))} must be 1–${MAX_NAME_LENGTH} printable ASCII characters`,
    );
}

export function assertNamespace(namespace: string): void {
  assertName("namespace", namespace);
}

function assertVector(values: readonly number[], dimensions: number, what: string): void {
  if (values.length !== dimensions)
    throw new VectorIndexInputError(`${what} has ${values.length} values; this index holds ${dimensions}`);
  let nonZero = false;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new VectorIndexInputError(`${what} has a value that is not finite`);
    nonZero ||= value !== 0;
  }
  // Cosine similarity is undefined for a zero vector, and Pinecone refuses one.
  if (!nonZero) throw new VectorIndexInputError(`${what} is all zeros, which has no direction to compare`);
}

function assertMetadata(id: string, metadata: VectorMetadata): void {
  for (const [key, value] of Object.entries(metadata)) {
    if (key.length === 0 || key.startsWith("$"))
      throw new VectorIndexInputError(`record ${id}: metadata key ${JSON.stringify(key)} is not allowed`);
    const ok =
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value)) ||
      (Array.isArray(value) && value.every((item) => typeof item === "string"));
    if (!ok)
      throw new VectorIndexInputError(
        `record ${id}: metadata ${key} must be a string, finite number, boolean or list of strings`,
      );
  }
  if (new TextEncoder().encode(JSON.stringify(metadata)).length > MAX_METADATA_BYTES)
    throw new VectorIndexInputError(`record ${id}: metadata is larger than ${MAX_METADATA_BYTES} bytes`);
}

export function assertRecords(records: readonly VectorRecord[], dimensions: number): void {
  for (const record of records) {
    assertName("record id", record.id);
    assertVector(record.values, dimensions, `record ${record.id}`);
    assertMetadata(record.id, record.metadata);
  }
}

export function assertFilter(filter: VectorFilter): void {
  const entries = Object.entries(filter);
  if (entries.length === 0) throw new VectorIndexInputError("a filter needs at least one condition");
  for (const [field, condition] of entries) {
    if (field === "$and") {
      if (!Array.isArray(condition) || condition.length === 0)
        throw new VectorIndexInputError("$and takes a non-empty list of filters");
      for (const part of condition as VectorFilter[]) assertFilter(part);
      continue;
    }
    if (field.startsWith("$")) throw new VectorIndexInputError(`filter operator ${field} is not supported`);
    const operators = Object.entries(condition as FieldCondition);
    if (operators.length === 0) throw new VectorIndexInputError(`filter on ${field} has no condition`);
    for (const [operator, operand] of operators) {
      if (!OPERATORS.has(operator))
        throw new VectorIndexInputError(`filter operator ${operator} on ${field} is not supported`);
      const valid =
        operator === "$eq"
          ? ["string", "number", "boolean"].includes(typeof operand)
          : operator === "$in"
            ? Array.isArray(operand) &&
              operand.length > 0 &&
              operand.every((item) => typeof item === "string" || typeof item === "number")
            : typeof operand === "number" && Number.isFinite(operand);
      if (!valid)
        throw new VectorIndexInputError(`filter ${field}.${operator} has an operand of the wrong type`);
    }
  }
}

export function assertQuery(query: VectorQuery, dimensions: number): void {
  assertVector(query.vector, dimensions, "query vector");
  if (!Number.isInteger(query.topK) || query.topK < 1 || query.topK > MAX_TOP_K)
    throw new VectorIndexInputError(`topK must be a whole number from 1 to ${MAX_TOP_K}`);
  if (query.minScore !== undefined && !Number.isFinite(query.minScore))
    throw new VectorIndexInputError("minScore must be a finite number");
  if (query.filter !== undefined) assertFilter(query.filter);
  if (query.freshWithinMs !== undefined && !(query.freshWithinMs >= 0))
    throw new VectorIndexInputError("freshWithinMs must be a number of milliseconds");
}
