import { Errors, type Index, Pinecone, type PineconeRecord } from "@pinecone-database/pinecone";
import {
  assertNamespace,
  assertQuery,
  assertRecords,
  type VectorIndex,
  type VectorMatch,
  type VectorMetadata,
  type VectorQuery,
  type VectorRecord,
} from "../../ports/vectorIndex.ts";
import { retryingOnRateLimit } from "./pineconeRateLimit.ts";

/**
 * A Pinecone serverless index (cosine metric, `dimensions` wide), one Pinecone namespace per
 * person × agent. Pinecone is eventually consistent: a record upserted a moment ago may be
 * missing from a query for a few seconds.
 */
export interface PineconeVectorIndexOptions {
  apiKey: string;
  /** `PINECONE_INDEX`. */
  indexName: string;
  dimensions: number;
  /** The index's data-plane host; without it the control plane is asked once, by name. */
  indexHost?: string;
  /** The control plane; default `https://api.pinecone.io`. */
  controllerHostUrl?: string;
  /** Retries of 5xx (by the SDK) and of 429 (here), with backoff. Default 3. */
  maxRetries?: number;
}

const MAX_UPSERT_RECORDS = 100;
/** Pinecone refuses upsert requests over 2 MB; leave room for the envelope. */
const MAX_UPSERT_BYTES = 2 * 1024 * 1024 - 16 * 1024;
const MAX_DELETE_IDS = 1_000;

export class PineconeVectorIndex implements VectorIndex {
  readonly name = "pinecone";
  readonly dimensions: number;
  readonly #index: Index<VectorMetadata>;

  constructor(options: PineconeVectorIndexOptions) {
    this.dimensions = options.dimensions;
    const maxRetries = options.maxRetries ?? 3;
    const client = new Pinecone({
      apiKey: options.apiKey,
      controllerHostUrl: options.controllerHostUrl,
      maxRetries,
      fetchApi: retryingOnRateLimit(globalThis.fetch, maxRetries),
    });
    this.#index = client.index<VectorMetadata>({ name: options.indexName, host: options.indexHost });
  }

  async upsert(namespace: string, records: readonly VectorRecord[]): Promise<void> {
    assertNamespace(namespace);
    assertRecords(records, this.dimensions);
    const latest = [...new Map(records.map((record) => [record.id, record])).values()];
    let batch: PineconeRecord<VectorMetadata>[] = [];
    let bytes = 0;
    for (const record of latest) {
      const size = Buffer.byteLength(JSON.stringify(record));
      if (batch.length === MAX_UPSERT_RECORDS || (batch.length > 0 && bytes + size > MAX_UPSERT_BYTES)) {
        await this.#index.upsert({ records: batch, namespace });
        batch = [];
        bytes = 0;
      }
      batch.push({ id: record.id, values: [...record.values], metadata: record.metadata });
      bytes += size;
    }
    if (batch.length > 0) await this.#index.upsert({ records: batch, namespace });
  }

  async query(namespace: string, query: VectorQuery): Promise<VectorMatch[]> {
    assertNamespace(namespace);
    assertQuery(query, this.dimensions);
    const response = await this.#index.query({
      namespace,
      vector: [...query.vector],
      topK: query.topK,
      includeMetadata: true,
      includeValues: false,
      ...(query.filter ? { filter: query.filter } : {}),
    });
    const minScore = query.minScore ?? Number.NEGATIVE_INFINITY;
    return response.matches
      .map((match) => ({ id: match.id, score: match.score ?? 0, metadata: match.metadata ?? {} }))
      .filter((match) => match.score >= minScore)
      .sort((a, b) => b.score - a.score);
  }

  async delete(namespace: string, ids: readonly string[]): Promise<void> {
    assertNamespace(namespace);
    for (let i = 0; i < ids.length; i += MAX_DELETE_IDS)
      await ignoreNotFound(this.#index.deleteMany({ ids: ids.slice(i, i + MAX_DELETE_IDS), namespace }));
  }

  async deleteNamespace(namespace: string): Promise<void> {
    assertNamespace(namespace);
    await ignoreNotFound(this.#index.deleteNamespace(namespace));
  }
}

/** Deleting what is already gone is done. */
async function ignoreNotFound(work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (!(error instanceof Errors.PineconeNotFoundError)) throw error;
  }
}
