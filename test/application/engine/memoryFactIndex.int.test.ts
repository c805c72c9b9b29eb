import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresCheckpointStore } from "../../../src/adapters/postgres/postgresCheckpointStore.ts";
import { retrieveMemories } from "../../../src/application/engine/memoryRetrieval.ts";
import { factVectorId } from "../../../src/application/engine/memoryVectorIds.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { memoryNamespace } from "../../../src/ports/vectorIndex.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "7c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
const agentId = "8d4e5f6a-7b8c-4d9e-8f1a-2b3c4d5e6f7a";
const streamId = conversationStreamId(userId, agentId);
const namespace = memoryNamespace(userId, agentId);

describe("the vector index as a projection of remembered facts (PostgreSQL)", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 1_000 } });
    const now = h.clock.now();
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, now);
  });
  afterAll(async () => {
    await h?.close();
  });

  const address = () => ({ userId, agentId, now: h.clock.now().toISOString() });
  const run = (command: Parameters<EngineHarness["engine"]["commands"]["handle"]>[2], id: string) =>
    h.engine.commands.handle(conversationDecider, streamId, command as never, testContext(h.clock.now(), id));

  async function factTexts(): Promise<Map<string, string>> {
    const [vector] = await h.engine.embedder.embed(["Sam dog Biscuit nurse hospital"]);
    const matches = await h.engine.vectorIndex.query(namespace, { vector: vector!, topK: 100 });
    return new Map(
      matches.filter((m) => m.metadata.kind === "fact").map((m) => [m.id, String(m.metadata.text)]),
    );
  }

  async function rememberedFact(text: string): Promise<string> {
    return eventually(async () => {
      const { state } = await h.engine.commands.load(conversationDecider, streamId);
      return [...state.memoryFacts.entries()].find(([, fact]) => fact.text === text)?.[0];
    }, 30_000);
  }

  it("records the facts a person states, embeds them, re-embeds a correction and drops a forgotten one", async () => {
    const messageId = await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "I have a dog called Biscuit. Do you like dogs?" },
      h.clock.now(),
    );
    const factId = await rememberedFact("Sam has a dog called Biscuit");
    const { state } = await h.engine.commands.load(conversationDecider, streamId);
    expect(state.memoryFacts.get(factId)).toMatchObject({ kind: "pet", sourceMessageIds: [messageId] });
    // The question is not a fact.
    expect([...state.memoryFacts.values()].map((fact) => fact.text)).toEqual([
      "Sam has a dog called Biscuit",
    ]);
    await eventually(
      async () => (await factTexts()).get(factVectorId(factId)) === "Sam has a dog called Biscuit",
      30_000,
    );

    await run(
      { type: "CorrectMemoryFact", ...address(), factId, text: "Sam has a cat called Biscuit", by: "person" },
      "c1",
    );
    await eventually(
      async () => (await factTexts()).get(factVectorId(factId)) === "Sam has a cat called Biscuit",
      30_000,
    );
    expect([...(await factTexts()).values()]).not.toContain("Sam has a dog called Biscuit");

    const later = { messageId: "not-yet-sent", revision: null, text: "What's my cat called?" };
    const before = await retrieveMemories(h.engine, {
      userId,
      agentId,
      message: later,
      recentTexts: [],
      personName: "Sam",
    });
    expect(before.map((m) => m.text)).toContain("Sam has a cat called Biscuit");

    await run({ type: "ForgetMemoryFact", ...address(), factId, by: "person" }, "f1");
    await eventually(async () => !(await factTexts()).has(factVectorId(factId)), 30_000);
    const after = await retrieveMemories(h.engine, {
      userId,
      agentId,
      message: later,
      recentTexts: [],
      personName: "Sam",
    });
    expect(after.map((m) => m.text)).not.toContain("Sam has a cat called Biscuit");
  });

  it("does not record a fact again when its message is handled again", async () => {
    await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "I work as a nurse at the hospital." },
      h.clock.now(),
    );
    const factId = await rememberedFact("Sam works as a nurse at the hospital");
    await eventually(async () => (await factTexts()).has(factVectorId(factId)), 30_000);
    await h.stopReactors();
    await h.raw.query("delete from reactor_checkpoints where name in ('memory-facts', 'memory-index')");
    const head = await h.store.headPosition();
    h.startReactors();
    const checkpoints = new PostgresCheckpointStore(h.raw);
    await eventually(async () => {
      const at = await checkpoints.load("memory-facts");
      return at !== null && h.store.comparePositions(at, head) >= 0;
    }, 30_000);
    const events = await h.store.readStream(streamId);
    const recorded = events.filter((e) => e.type === "MemoryFactRecorded");
    expect(recorded).toHaveLength(2);
  });
});
