import { describe, expect, it } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { regenerateReply } from "../../../src/application/conversations/conversationTree.ts";
import { replyIdFor } from "../../../src/application/conversations/messageIds.ts";
import { retryReply } from "../../../src/application/conversations/retryReply.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import { conversationDecider, findMessage } from "../../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { createTestAgent, sendTestMessage, testContext } from "../../support/testCommands.ts";

const userId = "u1";
const agentId = "a1";
const streamId = conversationStreamId(userId, agentId);
const now = new Date("2026-05-01T10:00:00.000Z");
const meta = { actor: `user:${userId}`, requestId: null, now };
type Order = ConversationCommand extends infer C
  ? C extends { type: infer T }
    ? { type: T } & Omit<C, "userId" | "agentId" | "now">
    : never
  : never;

describe("retrying a regenerated reply that failed", () => {
  it("starts the next attempt under a new id, even when the message's own attempts used the obvious one", async () => {
    const events = new EventLog(new InMemoryEventStore(), catalogue);
    const commands = new CommandHandler(events);
    await createTestAgent(commands, { agentId, name: "Ada" }, now);
    const messageId = await sendTestMessage(commands, { userId, agentId, text: "Hello" }, now);
    const run = (command: Order, id: string) =>
      commands.handle(
        conversationDecider,
        streamId,
        { ...command, userId, agentId, now: now.toISOString() } as ConversationCommand,
        testContext(now, id),
      );
    const fail = (replyId: string) =>
      run(
        { type: "FailReply", replyId, reason: "provider_error", message: "It failed.", retryable: true },
        `fail:${replyId}`,
      );
    const usage = { promptTokens: 1, completionTokens: 1 };
    await run({ type: "StartReply", replyId: replyIdFor(messageId, 1), messageId }, "start");
    await fail(replyIdFor(messageId, 1));
    const second = await retryReply(commands, { userId, agentId, messageId }, meta);
    expect(second.replyId).toBe(replyIdFor(messageId, 2));
    await run({ type: "CompleteReply", replyId: second.replyId, text: "Hi!", model: "m", usage }, "done");

    const regenerated = await regenerateReply(
      { commands, events },
      { userId, agentId, replyId: second.replyId, clientRequestId: "again" },
      meta,
    );
    await fail(regenerated.replyId);
    const retried = await retryReply(commands, { userId, agentId, messageId }, meta);
    expect(retried.replyId).not.toBe(second.replyId);
    const { state } = await commands.load(conversationDecider, streamId);
    expect(findMessage(state, second.replyId)).toMatchObject({ status: "completed" });
    expect(findMessage(state, retried.replyId)).toMatchObject({ status: "streaming", parentId: messageId });
  });
});
