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

describe("pathHistory of a message whose fact was forgotten", () => {
  it("marks the message superseded once the fact is forgotten, not before", async () => {
    const events = new EventLog(new CountingStore(streamId), catalogue);
    const commands = new CommandHandler(events);
    await createTestAgent(commands, { agentId, name: "Ada" }, new Date("2025-01-01T00:00:00.000Z"));
    await seedConversation(commands, userId, agentId, 30);
    const told = messageIdFor(userId, agentId, "seed-2");
    const answered = messageIdFor(userId, agentId, "seed-5");
    const now = new Date("2025-02-01T00:00:00.000Z");
    const fact = async (command: object, n: number) =>
      (
        await commands.handle(
          conversationDecider,
          streamId,
          { userId, agentId, now: now.toISOString(), factId: "f1", ...command } as never,
          {
            commandId: `fact-${n}`,
            actor: userId,
            requestId: null,
            correlationId: "c",
            causationId: null,
            now,
          },
        )
      ).state;
    const texts = new ConversationTexts(commands);
    const recentOf = async (state: Awaited<ReturnType<typeof fact>>) =>
      (await pathHistory(events, texts, streamId, state, answered, 8)).recent.map((m) =>
        m.superseded ? `${m.text} (superseded)` : m.text,
      );

    const recorded = await fact(
      { type: "RecordMemoryFact", text: "Has a dog", kind: "pet", sourceMessageIds: [told] },
      1,
    );
    expect(await recentOf(recorded)).toContain("Turn 2");
    expect(await recentOf(recorded)).toContain("Turn 2");
    const forgotten = await fact({ type: "ForgetMemoryFact", by: "person" }, 2);
    expect(await recentOf(forgotten)).toContain("Turn 2 (superseded)");
    expect(await recentOf(recorded)).toContain("Turn 2");
  });
});

describe("pathHistory of a message answered again", () => {
  it("gives the replies shown before in the new reply's place: a regeneration's and an edit's", async () => {
    const events = new EventLog(new CountingStore(streamId), catalogue);
    const commands = new CommandHandler(events);
    await createTestAgent(commands, { agentId, name: "Ada" }, new Date("2025-01-01T00:00:00.000Z"));
    await seedConversation(commands, userId, agentId, 10);
    let n = 0;
    const run = async (command: object) => {
      const now = new Date(Date.parse("2025-02-01T00:00:00.000Z") + n * 60_000);
      n += 1;
      return (
        await commands.handle(
          conversationDecider,
          streamId,
          { userId, agentId, now: now.toISOString(), ...command } as never,
          { commandId: `c-${n}`, actor: userId, requestId: null, correlationId: "c", causationId: null, now },
        )
      ).state;
    };
    const usage = { promptTokens: 1, completionTokens: 1 };
    await run({
      type: "SendMessage",
      messageId: "m-joke",
      clientMessageId: "m-joke",
      text: "tell me a joke",
    });
    await run({ type: "StartReply", replyId: "r-1", messageId: "m-joke" });
    await run({ type: "CompleteReply", replyId: "r-1", text: "Joke one.", model: "m", usage });
    await run({ type: "RegenerateReply", replyId: "r-1", newReplyId: "r-2", clientRequestId: "g-1" });
    await run({ type: "CompleteReply", replyId: "r-2", text: "Joke two.", model: "m", usage });
    const texts = new ConversationTexts(commands);
    const again = await run({
      type: "RegenerateReply",
      replyId: "r-2",
      newReplyId: "r-3",
      clientRequestId: "g-2",
    });
    expect((await pathHistory(events, texts, streamId, again, "m-joke", 8)).earlierAlternatives).toEqual([
      "Joke one.",
      "Joke two.",
    ]);
    await run({ type: "CompleteReply", replyId: "r-3", text: "Joke three.", model: "m", usage });
    const edited = await run({
      type: "EditMessage",
      messageId: "m-joke",
      newMessageId: "m-better",
      clientMessageId: "m-better",
      text: "tell me a better joke",
    });
    const history = await pathHistory(events, texts, streamId, edited, "m-better", 8);
    expect(history.earlierAlternatives).toEqual(["Joke one.", "Joke two.", "Joke three."]);
    expect(history.recent.map((m) => m.text)).not.toContain("Joke three.");
  });
});
