import { describe, expect, it } from "vitest";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { messageIdFor } from "../../../src/application/conversations/messageIds.ts";
import { ConversationTexts } from "../../../src/application/engine/conversationTexts.ts";
import { pathHistory } from "../../../src/application/engine/pathHistory.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { seedConversation } from "../../support/conversationSeed.ts";
import { CountingStore } from "../../support/countingStore.ts";
import { createTestAgent } from "../../support/testCommands.ts";

const userId = "u1";
const agentId = "a1";
const streamId = conversationStreamId(userId, agentId);

describe("pathHistory of a message far back in a long conversation", () => {
  it("reads the events just before the message when told its revision, not the whole stream", async () => {
    const store = new CountingStore(streamId);
    const events = new EventLog(store, catalogue);
    const commands = new CommandHandler(events);
    await createTestAgent(commands, { agentId, name: "Ada" }, new Date("2025-01-01T00:00:00.000Z"));
    await seedConversation(commands, userId, agentId, 2_000);
    const { state } = await commands.load(conversationDecider, streamId);
    const messageId = messageIdFor(userId, agentId, "seed-10");
    const sent = (await events.readStream(streamId)).find(
      (e) => e.type === "UserMessageSent" && e.data.messageId === messageId,
    )!;

    store.reads = [];
    const near = await pathHistory(
      events,
      new ConversationTexts(commands),
      streamId,
      state,
      messageId,
      4,
      sent.revision,
    );
    expect(near.message.text).toBe("Turn 10");
    expect(near.recent.map((m) => m.text)).toEqual([
      "Turn 8",
      "Reply 8, a few words long.",
      "Turn 9",
      "Reply 9, a few words long.",
    ]);
    expect(store.reads.every((read) => read.maxCount !== undefined && read.maxCount <= 120)).toBe(true);

    store.reads = [];
    const whole = await pathHistory(events, new ConversationTexts(commands), streamId, state, messageId, 4);
    expect(whole.recent).toEqual(near.recent);
    expect(store.reads.some((read) => read.maxCount === undefined)).toBe(true);
  });
});
