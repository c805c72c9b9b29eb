import { replyIdFor } from "../../src/application/conversations/messageIds.ts";
import type { ConversationCommand } from "../../src/domain/conversation/commands.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import type { ImageJobCommand } from "../../src/domain/imageJob/commands.ts";
import { imageJobDecider } from "../../src/domain/imageJob/decider.ts";
import { conversationStreamId, imageJobStreamId } from "../../src/domain/streamIds.ts";
import type { System } from "../../src/main.ts";
import { type AgentTyping, type ReplyDelta, topics } from "../../src/ports/liveBus.ts";

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Does what the reply and image reactors will do, through the same command handler and bus, so
 * the API's side of the contract can be tested before they exist.
 */
export function reactorStandIn(system: System, userId: string, agentId: string) {
  const { commands, bus, clock } = system;
  const context = (commandId: string) => ({
    commandId,
    actor: "reactor:test",
    requestId: null,
    correlationId: commandId,
    causationId: null,
    now: clock.now(),
  });
  const conversation = (command: Without<ConversationCommand, "userId" | "agentId" | "now">, id: string) =>
    commands.handle(
      conversationDecider,
      conversationStreamId(userId, agentId),
      { ...command, userId, agentId, now: clock.now().toISOString() } as ConversationCommand,
      context(id),
    );
  const live = (message: ReplyDelta | AgentTyping) =>
    bus.publish(topics.conversation(userId, agentId), message);
  return {
    conversation,
    /** Starts, streams and completes the first reply to a message, then moves mood and affinity. */
    async reply(messageId: string, text: string, mood: "content" | "joyful" = "joyful"): Promise<string> {
      const replyId = replyIdFor(messageId, 1);
      await conversation({ type: "StartReply", replyId, messageId }, `start:${replyId}`);
      await live({ kind: "agent.typing", payload: { typing: true, replyId } });
      for (const [index, piece] of text.split(" ").entries())
        await live({ kind: "reply.delta", payload: { replyId, text: `${piece} `, index } });
      const usage = { promptTokens: 1, completionTokens: 1 };
      await conversation({ type: "CompleteReply", replyId, text, model: "test", usage }, `done:${replyId}`);
      await conversation(
        { type: "ShiftMood", mood, intensity: 0.8, reason: "a kind message" },
        `mood:${replyId}`,
      );
      await conversation({ type: "ChangeAffinity", delta: 3, reason: "warmth" }, `affinity:${replyId}`);
      return replyId;
    },
    imageJob(imageJobId: string, command: Without<ImageJobCommand, "imageJobId" | "now">) {
      return commands.handle(
        imageJobDecider,
        imageJobStreamId(imageJobId),
        { ...command, imageJobId, now: clock.now().toISOString() } as ImageJobCommand,
        context(`${command.type}:${imageJobId}`),
      );
    },
  };
}
