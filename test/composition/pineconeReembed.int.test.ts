import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationalVectorIndex } from "../../src/adapters/pinecone/namespaceGenerations.ts";
import { reembedConfiguredMemory } from "../../src/composition/memoryReembedding.ts";
import { loadConfig } from "../../src/config/config.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { type System, startWithme } from "../../src/main.ts";
import { memoryNamespace } from "../../src/ports/vectorIndex.ts";
import { eventually } from "../support/coreHarness.ts";
import { type PineconeFake, startPineconeFake } from "../support/fakes/pineconeFake.ts";
import { registerTestPersonAndAgent, sendTestMessage } from "../support/testCommands.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

const userId = "3c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f";
const agentId = "4d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a";

describe("withme reembed on Pinecone", () => {
  let database: TestDatabase;
  let dataDir: string;
  let fake: PineconeFake;
  let system: System;
  const namespace = memoryNamespace(userId, agentId);
  const run = (progress: number[] = []) => ({
    signal: new AbortController().signal,
    onProgress: ({ done }: { done: number }) => progress.push(done),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-reembed-pinecone-"));
    // The SDK caches index hosts per API key and index name: a key of its own.
    fake = await startPineconeFake({ dimension: 512, apiKey: `pc-${randomUUID()}` });
    const env = {
      DATABASE_URL: database.url,
      WITHME_DATA_DIR: dataDir,
      WITHME_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      PINECONE_API_KEY: fake.apiKey,
      PINECONE_INDEX: fake.indexName,
      PINECONE_HOST: fake.url,
    };
    system = await startWithme(loadConfig(env, { envFile: false }), ["worker"]);
    const now = system.clock.now();
    await registerTestPersonAndAgent(system.commands, { userId, agentId }, now);
    await sendTestMessage(system.commands, { userId, agentId, text: "I have a dog called Biscuit." }, now);
    await eventually(async () => {
      const { state } = await system.commands.load(
        conversationDecider,
        conversationStreamId(userId, agentId),
      );
      return state.memoryFacts.size === 1;
    }, 30_000);
    await eventually(async () => (fake.namespaces.get(namespace)?.size ?? 0) >= 1, 30_000);
  }, 120_000);

  afterAll(async () => {
    await system?.lifecycle.stop();
    await fake?.close();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("rebuilds into a new namespace generation, switches recall to it and deletes the old one", async () => {
    const before = [...fake.namespaces.get(namespace)!.keys()].toSorted();
    const progress: number[] = [];
    const report = await reembedConfiguredMemory(system, run(progress));
    expect(report).toMatchObject({ index: "pinecone", switched: true, facts: 1, conversations: 1 });
    expect(progress.at(-1)).toBe(1);

    expect([...(fake.namespaces.get(`g1.${namespace}`)?.keys() ?? [])].toSorted()).toEqual(before);
    expect(fake.namespaces.has(namespace)).toBe(false);
    const { rows } = await system.database.pool.query<{ live: number }>(
      "select live from vector_index_generations",
    );
    expect(rows.map((r) => r.live)).toEqual([1]);

    // Recall reads the live generation.
    const { vectorIndex, embedder } = await system.providers();
    const [vector] = await embedder.embed(["a dog called Biscuit"]);
    const matches = await vectorIndex.query(namespace, { vector: vector!, topK: 5 });
    expect(matches.map((m) => m.id).toSorted()).toEqual(before);

    // A second rebuild moves on to the next generation and removes the first.
    await reembedConfiguredMemory(system, run());
    expect(fake.namespaces.has(`g1.${namespace}`)).toBe(false);
    expect([...(fake.namespaces.get(`g2.${namespace}`)?.keys() ?? [])].toSorted()).toEqual(before);

    // Erasure deletes the namespace in every generation, the one a rebuild may be filling too.
    const generational = vectorIndex as GenerationalVectorIndex;
    const stray = { id: "stray", values: vector!, metadata: {} };
    await generational.at(0).upsert(namespace, [stray]);
    await generational.at(3).upsert(namespace, [stray]);
    await vectorIndex.deleteNamespace(namespace);
    expect([...fake.namespaces.keys()].filter((name) => name.endsWith(namespace))).toEqual([]);
  }, 120_000);
});
