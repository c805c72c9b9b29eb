import { describe, expect, it } from "vitest";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { ConversationTexts } from "../../../src/application/engine/conversationTexts.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId, isStreamOfPerson } from "../../../src/domain/streamIds.ts";
import { CountingStore } from "../../support/countingStore.ts";
import { createTestAgent, sendTestMessage } from "../../support/testCommands.ts";

const userId = "u1";
const agentId = "a1";
const streamId = conversationStreamId(userId, agentId);
const now = new Date("2026-05-01T10:00:00.000Z");

describe("ConversationTexts", () => {
  it("keeps the messages it read and those its process stores, and reads only what another writer stored since", async () => {
    const store = new CountingStore(streamId);
    const events = new EventLog(store, catalogue);
    const commands = new CommandHandler(events);
    const texts = new ConversationTexts(commands);
    const revision = async (handler = commands) =>
      (await handler.load(conversationDecider, streamId)).state.revision;
    await createTestAgent(commands, { agentId, name: "Ada" }, now);
    const hello = await sendTestMessage(commands, { userId, agentId, text: "Hello" }, now);
    const sent = await revision();
    store.reads = [];

    const first = await texts.recent(events, streamId, sent, 120);
    expect(first.written.get(hello)).toMatchObject({ text: "Hello", byAgent: false });
    expect(first.fromStart).toBe(true);
    expect(store.reads).toEqual([{ direction: "backwards", maxCount: 120 }]);

    const again = await sendTestMessage(commands, { userId, agentId, text: "Still there?" }, now);
    const sentAgain = await revision();
    store.reads = [];
    const second = await texts.recent(events, streamId, sentAgain, 120);
    expect(second.written.get(again)?.text).toBe("Still there?");
    expect(store.reads).toEqual([]);

    const elsewhere = new CommandHandler(new EventLog(store, catalogue));
    const other = await sendTestMessage(elsewhere, { userId, agentId, text: "From my phone" }, now);
    const upTo = await revision(elsewhere);
    store.reads = [];
    const third = await texts.recent(events, streamId, upTo, 120);
    expect(third.written.get(other)?.text).toBe("From my phone");
    expect(third.written.get(hello)?.text).toBe("Hello");
    expect(store.reads).toEqual([{ fromRevision: upTo, maxCount: 120 }]);
  });

  it("lets go of an erased person's messages, and of no one else's", async () => {
    const store = new CountingStore(streamId);
    const events = new EventLog(store, catalogue);
    const commands = new CommandHandler(events);
    const texts = new ConversationTexts(commands);
    await createTestAgent(commands, { agentId, name: "Ada" }, now);
    await sendTestMessage(commands, { userId, agentId, text: "Hello" }, now);
    const sent = (await commands.load(conversationDecider, streamId)).state.revision;
    await texts.recent(events, streamId, sent, 120);

    commands.forgetWhere(isStreamOfPerson("u2"));
    store.reads = [];
    await texts.recent(events, streamId, sent, 120);
    expect(store.reads).toEqual([]);

    commands.forgetWhere(isStreamOfPerson(userId));
    await texts.recent(events, streamId, sent, 120);
    await commands.load(conversationDecider, streamId);
    expect(store.reads).toEqual([{ direction: "backwards", maxCount: 120 }, { fromRevision: 0 }]);
  });
});
