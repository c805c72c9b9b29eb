import { randomUUID } from "node:crypto";
import { Errors } from "@pinecone-database/pinecone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PineconeVectorIndex } from "../../../src/adapters/pinecone/pineconeVectorIndex.ts";
import { memoryNamespace, type VectorRecord } from "../../../src/ports/vectorIndex.ts";
import {
  PINECONE_FAKE_API_VERSIONS,
  type PineconeFake,
  startPineconeFake,
} from "../../support/fakes/pineconeFake.ts";
import {
  CONTRACT_DIMENSIONS,
  describeVectorIndexContract,
  seededVector,
} from "../../support/vectorIndexContract.ts";

// The SDK caches index hosts per API key and index name for the whole process: every fake gets its own key.
const startFake = (dimension = CONTRACT_DIMENSIONS) =>
  startPineconeFake({ dimension, apiKey: `pc-${randomUUID()}` });

describeVectorIndexContract("Pinecone (SDK against a local fake)", async () => {
  const fake = await startFake();
  return {
    index: new PineconeVectorIndex({
      apiKey: fake.apiKey,
      indexName: fake.indexName,
      dimensions: CONTRACT_DIMENSIONS,
      controllerHostUrl: fake.url,
    }),
    cleanup: () => fake.close(),
  };
});

describe("PineconeVectorIndex", () => {
  let fake: PineconeFake;
  let index: PineconeVectorIndex;
  beforeAll(async () => {
    fake = await startFake();
    index = new PineconeVectorIndex({
      apiKey: fake.apiKey,
      indexName: fake.indexName,
      dimensions: CONTRACT_DIMENSIONS,
      controllerHostUrl: fake.url,
    });
  });
  afterAll(() => fake.close());

  const records = (count: number, metadata: (i: number) => VectorRecord["metadata"] = () => ({})) =>
    Array.from({ length: count }, (_, i) => ({
      id: `r${i}`,
      values: seededVector(i + 1),
      metadata: metadata(i),
    }));
  const requestsTo = (path: string, since = 0) => fake.requests.slice(since).filter((r) => r.path === path);

  it("finds the index host once through the control plane, then talks to the data plane", async () => {
    const ns = memoryNamespace(randomUUID(), randomUUID());
    await index.upsert(ns, records(3));
    await index.query(ns, { vector: seededVector(1), topK: 2 });
    await index.delete(ns, ["r0"]);
    expect(requestsTo(`/indexes/${fake.indexName}`)).toHaveLength(1);
    expect(requestsTo("/vectors/upsert")[0]!.body.namespace).toBe(ns);
    expect(new Set(fake.requests.map((r) => r.apiVersion))).toEqual(new Set(PINECONE_FAKE_API_VERSIONS));
  });

  it("uses an index host it is given without asking the control plane", async () => {
    const other = await startFake();
    try {
      const direct = new PineconeVectorIndex({
        apiKey: other.apiKey,
        indexName: other.indexName,
        dimensions: CONTRACT_DIMENSIONS,
        indexHost: other.url,
        controllerHostUrl: "http://127.0.0.1:9",
      });
      await direct.upsert("ns", records(2));
      expect((await direct.query("ns", { vector: seededVector(2), topK: 1 }))[0]!.id).toBe("r1");
      expect(other.requests.map((r) => r.path)).toEqual(["/vectors/upsert", "/query"]);
    } finally {
      await other.close();
    }
  });

  it("upserts in requests of at most 100 vectors", async () => {
    const since = fake.requests.length;
    await index.upsert("batches", records(250));
    const upserts = requestsTo("/vectors/upsert", since);
    expect(upserts.map((r) => (r.body.vectors as unknown[]).length)).toEqual([100, 100, 50]);
    expect(fake.namespaces.get("batches")!.size).toBe(250);
  });

  it("keeps each upsert request under 2 MB", async () => {
    const since = fake.requests.length;
    const padding = "x".repeat(38_000);
    await index.upsert(
      "big-metadata",
      records(80, (i) => ({ i, padding })),
    );
    const upserts = requestsTo("/vectors/upsert", since);
    expect(upserts.length).toBeGreaterThan(1);
    for (const upsert of upserts) expect(upsert.bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(fake.namespaces.get("big-metadata")!.size).toBe(80);
  });

  it("deletes in requests of at most 1,000 ids", async () => {
    await index.upsert("many", records(10));
    const since = fake.requests.length;
    await index.delete("many", [...Array.from({ length: 2_400 }, (_, i) => `gone-${i}`), "r3"]);
    expect(requestsTo("/vectors/delete", since).map((r) => (r.body.ids as unknown[]).length)).toEqual([
      1_000, 1_000, 401,
    ]);
    expect(fake.namespaces.get("many")!.has("r3")).toBe(false);
  });

  it("retries answers of 429 and 5xx, a bounded number of times", async () => {
    await index.upsert("retry", records(1));
    fake.failNext(429, 2, { "retry-after": "0" });
    fake.failNext(503, 1);
    const since = fake.requests.length;
    expect(await index.query("retry", { vector: seededVector(1), topK: 1 })).toHaveLength(1);
    expect(requestsTo("/query", since)).toHaveLength(4);

    fake.failNext(429, 4, { "retry-after": "0" });
    await expect(index.query("retry", { vector: seededVector(1), topK: 1 })).rejects.toThrow();
    expect(requestsTo("/query", since)).toHaveLength(8);
  });

  it("fails at once on a refused API key", async () => {
    const refused = new PineconeVectorIndex({
      apiKey: "pc-wrong",
      indexName: fake.indexName,
      dimensions: CONTRACT_DIMENSIONS,
      indexHost: fake.url,
    });
    await expect(refused.query("ns", { vector: seededVector(1), topK: 1 })).rejects.toBeInstanceOf(
      Errors.PineconeAuthorizationError,
    );
  });
});
