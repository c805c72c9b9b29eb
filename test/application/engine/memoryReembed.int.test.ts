import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LexicalEmbedder } from "../../../src/adapters/local/lexicalEmbedder.ts";
import { PostgresVectorIndex } from "../../../src/adapters/postgres/postgresVectorIndex.ts";
import { startPostgresVectorRebuild } from "../../../src/adapters/postgres/vectorIndexRebuild.ts";
import { reembedMemory } from "../../../src/application/engine/memoryReembed.ts";
import { factVectorId } from "../../../src/application/engine/memoryVectorIds.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { userDecider } from "../../../src/domain/user/decider.ts";
import { memoryNamespace } from "../../../src/ports/vectorIndex.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "9e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b";
const agentId = "0f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c";
const streamId = conversationStreamId(userId, agentId);
const namespace = memoryNamespace(userId, agentId);

describe("reembedding long-term memory beside the live index (PostgreSQL)", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 1_000 } });
    const now = h.clock.now();
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, now);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("rebuilds every remembered fact with a new embedder in new tables, then switches", async () => {
    for (const text of ["I have a dog called Biscuit.", "I work as a nurse.", "My sister is called Ana."])
      await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
    const facts = await eventually(async () => {
      const { state } = await h.engine.commands.load(conversationDecider, streamId);
      return state.memoryFacts.size === 3 ? [...state.memoryFacts.entries()] : undefined;
    }, 30_000);
    const id = (words: string) => facts.find(([, fact]) => fact.text.includes(words))![0];
    const address = () => ({ userId, agentId, now: h.clock.now().toISOString() });
    await h.engine.commands.handle(
      conversationDecider,
      streamId,
      {
        type: "CorrectMemoryFact",
        ...address(),
        factId: id("dog"),
        text: "Sam has a cat called Biscuit",
        by: "person",
      },
      testContext(h.clock.now()),
    );
    await h.engine.commands.handle(
      conversationDecider,
      streamId,
      { type: "ForgetMemoryFact", ...address(), factId: id("nurse"), by: "person" },
      testContext(h.clock.now()),
    );
    await h.stopReactors();

    const embedder = new LexicalEmbedder({ dimensions: 64 });
    const rebuild = await startPostgresVectorRebuild(h.raw, { dimensions: embedder.dimensions });
    const progress: string[] = [];
    const report = await reembedMemory({
      events: h.engine.events,
      embedder,
      target: rebuild.index,
      onProgress: ({ done, total }) => progress.push(`${done}/${total}`),
    });
    expect(report).toMatchObject({ conversations: 1, facts: 2 });
    expect(progress).toEqual(["0/1", "1/1"]);
    await rebuild.switchOver();
    // A catch-up from the head on finds nothing more to index.
    expect(
      await reembedMemory({
        events: h.engine.events,
        embedder,
        target: rebuild.index,
        after: await h.store.headPosition(),
      }),
    ).toMatchObject({ conversations: 0, facts: 0 });

    const live = new PostgresVectorIndex(h.raw, { dimensions: 64 });
    const [vector] = await embedder.embed(["Sam cat dog Biscuit nurse sister Ana"]);
    const matches = await live.query(namespace, { vector: vector!, topK: 20 });
    expect(new Map(matches.map((m) => [m.id, m.metadata.text]))).toEqual(
      new Map([
        [factVectorId(id("dog")), "Sam has a cat called Biscuit"],
        [factVectorId(id("sister")), expect.stringMatching(/sister is called Ana/)],
      ]),
    );
    const tables = await h.raw.query<{ name: string }>(
      "select tablename as name from pg_tables where tablename like 'vector_%' order by 1",
    );
    expect(tables.rows.map((row) => row.name)).toEqual(["vector_namespaces", "vector_records"]);
  });
});

describe("reembedding the memory of a person who was erased (PostgreSQL)", () => {
  let h: EngineHarness;
  const kept = { userId: "1a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", agentId };
  const erased = { userId: "2b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", agentId };

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 1_000 } });
    await h.stopReactors();
    await registerTestPersonAndAgent(h.engine.commands, kept, h.clock.now());
    await h.engine.commands.handle(
      userDecider,
      userStreamId(erased.userId),
      { type: "RegisterUser", ...erased, subject: "dev:eve", displayName: "Eve", role: "user", now: iso() },
      testContext(h.clock.now()),
    );
  });
  afterAll(async () => {
    await h?.close();
  });

  const iso = () => h.clock.now().toISOString();

  async function rememberFact(person: { userId: string; agentId: string }, text: string): Promise<void> {
    const messageId = await sendTestMessage(h.engine.commands, { ...person, text }, h.clock.now());
    await h.engine.commands.handle(
      conversationDecider,
      conversationStreamId(person.userId, person.agentId),
      {
        type: "RecordMemoryFact",
        ...person,
        now: iso(),
        factId: randomUUID(),
        text,
        kind: "pet",
        sourceMessageIds: [messageId],
      },
      testContext(h.clock.now()),
    );
  }

  it("deletes after the switch what the full pass indexed of a person erased while it ran", async () => {
    const during = { userId: "3c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", agentId };
    await h.engine.commands.handle(
      userDecider,
      userStreamId(during.userId),
      { type: "RegisterUser", ...during, subject: "dev:dan", displayName: "Dan", role: "user", now: iso() },
      testContext(h.clock.now()),
    );
    await rememberFact(during, "Dan has a parrot called Kiwi");
    const embedder = new LexicalEmbedder({ dimensions: 64 });
    const head = await h.store.headPosition();
    const rebuild = await startPostgresVectorRebuild(h.raw, { dimensions: embedder.dimensions });
    const report = await reembedMemory({ events: h.engine.events, embedder, target: rebuild.index });
    const namespace = memoryNamespace(during.userId, during.agentId);
    expect(report.written.get(during.userId)).toEqual(new Set([namespace]));
    // Erased while the rebuild ran: the erasure deleted the person's vectors from the old tables only.
    await h.engine.commands.handle(
      userDecider,
      userStreamId(during.userId),
      { type: "ErasePerson", userId: during.userId, by: "admin", now: iso() },
      testContext(h.clock.now()),
    );
    await rebuild.switchOver();
    const live = new PostgresVectorIndex(h.raw, { dimensions: 64 });
    const [vector] = await embedder.embed(["parrot Kiwi"]);
    expect(await live.query(namespace, { vector: vector!, topK: 20 })).toHaveLength(1);
    await reembedMemory({
      events: h.engine.events,
      embedder,
      target: live,
      after: head,
      earlier: report.written,
    });
    expect(await live.query(namespace, { vector: vector!, topK: 20 })).toEqual([]);
  });

  it("leaves out the conversations of a person erased since, so nothing of theirs is indexed again", async () => {
    await rememberFact(kept, "Sam has a dog called Biscuit");
    await rememberFact(erased, "Eve has a cat called Pixel");
    await h.engine.commands.handle(
      userDecider,
      userStreamId(erased.userId),
      { type: "ErasePerson", userId: erased.userId, by: "admin", now: iso() },
      testContext(h.clock.now()),
    );

    const embedder = new LexicalEmbedder({ dimensions: 64 });
    const rebuild = await startPostgresVectorRebuild(h.raw, { dimensions: embedder.dimensions });
    const report = await reembedMemory({ events: h.engine.events, embedder, target: rebuild.index });
    expect(report).toMatchObject({ conversations: 1, facts: 1 });
    await rebuild.switchOver();
    const live = new PostgresVectorIndex(h.raw, { dimensions: 64 });
    const [vector] = await embedder.embed(["dog cat Biscuit Pixel"]);
    const erasedNamespace = memoryNamespace(erased.userId, erased.agentId);
    expect(await live.query(erasedNamespace, { vector: vector!, topK: 20 })).toEqual([]);
    expect(
      await live.query(memoryNamespace(kept.userId, kept.agentId), { vector: vector!, topK: 20 }),
    ).toHaveLength(1);
  });
});
