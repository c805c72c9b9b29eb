import { describe, expect, it } from "vitest";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { messageIdFor } from "../../../src/application/conversations/messageIds.ts";
import { ConversationTexts } from "../../../src/application/engine/conversationTexts.ts";
import { pathHistory } from "../../../src/application/engine/pathHistory.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId, isStreamOfPerson } from "../../../src/domain/streamIds.ts";
import { seedConversation } from "../../support/conversationSeed.ts";
import { CountingStore } from "../../support/countingStore.ts";
import { createTestAgent } from "../../support/testCommands.ts";

const userId = "u1";
const agentId = "a1";
const streamId = conversationStreamId(userId, agentId);

async function seeded() {
  const events = new EventLog(new CountingStore(streamId), catalogue);
  const commands = new CommandHandler(events);
  await createTestAgent(commands, { agentId, name: "Ada" }, new Date("2025-01-01T00:00:00.000Z"));
  await seedConversation(commands, userId, agentId, 60);
  const { state } = await commands.load(conversationDecider, streamId);
  return { events, commands, state, texts: new ConversationTexts(commands) };
}

describe("pathHistory's messages from turn to turn", () => {
  it("are the same objects while the conversation's texts are held, so what is read in them is read once", async () => {
    const { events, state, texts } = await seeded();
    const answered = messageIdFor(userId, agentId, "seed-10");
    const first = await pathHistory(events, texts, streamId, state, answered, 6);
    const again = await pathHistory(events, texts, streamId, state, answered, 6);

    expect(again.recent).toHaveLength(6);
    again.recent.forEach((message, i) => {
      expect(message).toBe(first.recent[i]);
    });
  });

  it("are new objects once the person's streams are forgotten, so nothing read in the old ones is found again", async () => {
    const { events, commands, state, texts } = await seeded();
    const answered = messageIdFor(userId, agentId, "seed-10");
    const before = await pathHistory(events, texts, streamId, state, answered, 6);

    commands.forgetWhere(isStreamOfPerson(userId));
    const after = await pathHistory(events, texts, streamId, state, answered, 6);

    expect(after.recent).toEqual(before.recent);
    after.recent.forEach((message, i) => {
      expect(message).not.toBe(before.recent[i]);
    });
  });
});
