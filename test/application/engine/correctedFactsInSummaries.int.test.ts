import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "4c8d2e1f-6a70-4b3d-8e5f-7a8b9c0d1e2f";
const agentId = "5d9e3f20-7b81-4c4e-9f60-8b9c0d1e2f3a";
const streamId = conversationStreamId(userId, agentId);

describe("a fact the person corrected, then repeated by a summary (PostgreSQL)", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 4 } });
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  const load = async () => (await h.engine.commands.load(conversationDecider, streamId)).state;
  const texts = async () => [...(await load()).memoryFacts.values()].map((fact) => fact.text);

  it("is not recorded again in the words it was corrected from", async () => {
    await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "My cat is called Miso." },
      h.clock.now(),
    );
    const [factId] = await eventually(async () => {
      const ids = [...(await load()).memoryFacts.keys()];
      return ids.length > 0 ? ids : undefined;
    }, 30_000);
    await h.engine.commands.handle(
      conversationDecider,
      streamId,
      {
        type: "CorrectMemoryFact",
        userId,
        agentId,
        factId: factId!,
        text: "Sam's cat is called Mochi",
        by: "person",
        now: h.clock.now().toISOString(),
      },
      testContext(h.clock.now(), `user:${userId}`),
    );
    for (const text of ["nice weather today", "what are you up to", "sounds fun", "tell me more", "haha ok"])
      await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
    await eventually(
      async () =>
        (await h.store.readStream(streamId)).some((e) => e.type === "MemorySummarized") ? true : undefined,
      60_000,
    );
    // The facts reactor has read the summary once its checkpoint passes it; a later fact shows that.
    await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "My sister is called Ana." },
      h.clock.now(),
    );
    await eventually(async () => ((await texts()).some((t) => t.includes("Ana")) ? true : undefined), 30_000);
    expect((await texts()).filter((t) => /Miso|Mochi/.test(t))).toEqual(["Sam's cat is called Mochi"]);
  }, 120_000);
});
