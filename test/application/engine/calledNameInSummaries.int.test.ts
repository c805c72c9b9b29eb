import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "7e1a4b2c-3d5f-4e6a-8b7c-9d0e1f2a3b4c";
const agentId = "8f2b5c3d-4e6a-4f7b-9c8d-0e1f2a3b4c5d";
const streamId = conversationStreamId(userId, agentId);

describe("a person who goes by another name than their display name, summarised (PostgreSQL)", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 4 } });
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  const load = async () => (await h.engine.commands.load(conversationDecider, streamId)).state;
  const facts = async () =>
    [...(await load()).memoryFacts.entries()].map(([factId, fact]) => ({ factId, ...fact }));
  const say = (text: string) => sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
  const factAbout = (word: string) => async () =>
    (await facts()).find((fact) => fact.text.includes(word) && !fact.forgotten);

  it("keeps a fact they forgot forgotten, and lists each fact once, when the summary repeats it", async () => {
    await say("Hi! I'm Nora.");
    await eventually(factAbout("likes to be called Nora"), 30_000);
    await say("I have a dog named Biscuit.");
    const dog = await eventually(factAbout("Biscuit"), 30_000);
    expect(dog.text).toBe("Nora has a dog named Biscuit");
    await say("My brother Tomas lives in Madrid.");
    await eventually(factAbout("Tomas"), 30_000);
    await h.engine.commands.handle(
      conversationDecider,
      streamId,
      {
        type: "ForgetMemoryFact",
        userId,
        agentId,
        factId: dog.factId,
        by: "person",
        now: h.clock.now().toISOString(),
      },
      testContext(h.clock.now(), `user:${userId}`),
    );
    for (const text of ["nice weather today", "what are you up to", "sounds fun", "haha ok"]) await say(text);
    await eventually(
      async () =>
        (await h.store.readStream(streamId)).some((e) => e.type === "MemorySummarized") ? true : undefined,
      60_000,
    );
    // The facts reactor has read the summary once its checkpoint passes it; a later fact shows that.
    await say("My sister is called Ana.");
    await eventually(factAbout("Ana"), 30_000);
    const remembered = (await facts()).filter((fact) => !fact.forgotten).map((fact) => fact.text);
    expect(remembered.filter((text) => text.includes("Biscuit"))).toEqual([]);
    expect(remembered.filter((text) => text.includes("Tomas"))).toEqual([
      "Nora's brother Tomas lives in Madrid",
    ]);
  }, 120_000);
});
