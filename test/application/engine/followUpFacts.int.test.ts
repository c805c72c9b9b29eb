import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage } from "../../support/testCommands.ts";

const userId = "2f6b1d9e-4a70-4c3d-8e5f-6a7b8c9d0e1f";
const agentId = "3a7c2e0f-5b81-4d4e-9f60-7b8c9d0e1f2a";
const streamId = conversationStreamId(userId, agentId);

describe("facts from a follow-up, recorded by the engine (PostgreSQL)", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 1_000 } });
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  const facts = async () => {
    const { state } = await h.engine.commands.load(conversationDecider, streamId);
    return [...state.memoryFacts.values()].map((fact) => fact.text);
  };

  it("reads “It's chemistry” after “I have an exam tomorrow” as what the exam is about", async () => {
    await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "I have an exam tomorrow" },
      h.clock.now(),
    );
    await eventually(
      async () => ((await facts()).includes("Sam has an exam tomorrow") ? true : undefined),
      30_000,
    );
    await sendTestMessage(h.engine.commands, { userId, agentId, text: "It's chemistry" }, h.clock.now());
    await eventually(
      async () => ((await facts()).includes("Sam's exam is about chemistry") ? true : undefined),
      30_000,
    );
    expect(await facts()).toEqual(["Sam has an exam tomorrow", "Sam's exam is about chemistry"]);
  });
});
