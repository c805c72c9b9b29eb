import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageIdFor } from "../../../src/application/conversations/messageIds.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { findMessage } from "../../../src/domain/conversation/path.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { eventually } from "../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../support/engineHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "2c5e8f6a-7b9d-4cae-8f10-3b4c5d6e7f80";
const agentId = "3d6f9a7b-8cae-4dbf-9a21-4c5d6e7f8091";
const streamId = conversationStreamId(userId, agentId);

/** A summariser that words a fact its own way, as a language model does. */
const summaries = {
  summarize: async () => ({ summary: "Sam chatted about maps.", facts: ["Sam is fond of cartography"] }),
};

describe("a fact a summary lists, after the person edited a message it covers (PostgreSQL)", () => {
  let h: EngineHarness;

  beforeAll(async () => {
    h = await startEngineHarness({ settings: { summarizeEvery: 4 }, strategies: { summaries } });
    await registerTestPersonAndAgent(h.engine.commands, { userId, agentId }, h.clock.now());
  });
  afterAll(async () => {
    await h?.close();
  });

  const load = async () => (await h.engine.commands.load(conversationDecider, streamId)).state;
  const replied = (messageId: string) => async () => {
    const state = await load();
    const answers = findMessage(state, messageId)?.children ?? [];
    return answers.some((id) => findMessage(state, id)?.status === "completed") ? true : undefined;
  };

  it("comes from the messages of the path it was written on, so it is recalled there", async () => {
    const first = await sendTestMessage(
      h.engine.commands,
      { userId, agentId, text: "I collect maps" },
      h.clock.now(),
    );
    await eventually(replied(first), 30_000);
    const clientMessageId = randomUUID();
    const edited = messageIdFor(userId, agentId, clientMessageId);
    await h.engine.commands.handle(
      conversationDecider,
      streamId,
      {
        type: "EditMessage",
        userId,
        agentId,
        messageId: first,
        newMessageId: edited,
        clientMessageId,
        text: "I collect old maps",
        now: h.clock.now().toISOString(),
      },
      testContext(h.clock.now(), `user:${userId}`),
    );
    await eventually(replied(edited), 30_000);
    for (const text of ["nice weather today", "what are you up to", "sounds fun", "haha ok"]) {
      const id = await sendTestMessage(h.engine.commands, { userId, agentId, text }, h.clock.now());
      await eventually(replied(id), 30_000);
    }
    const fact = await eventually(
      async () =>
        [...(await load()).memoryFacts.values()].find((f) => f.text === "Sam is fond of cartography"),
      60_000,
    );
    expect(fact.sourceMessageIds).toContain(edited);
    expect(fact.sourceMessageIds).not.toContain(first);
  }, 120_000);
});
