import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";

export const userId = "u1";
export const agentId = "a1";
export const at = (minute: number) => new Date(Date.UTC(2025, 4, 1, 9, minute)).toISOString();
export const now = at(0);

/** A message event as the decider writes it now: with its place in the tree. */
export function withParent(event: ConversationEvent, parentId: string | null): ConversationEvent {
  return { ...event, data: { ...event.data, parentId } } as ConversationEvent;
}

/** A mood, affinity, image or memory event as the decider writes it now: with the message it belongs to. */
export function causedBy(event: ConversationEvent, messageId: string): ConversationEvent {
  return { ...event, data: { ...event.data, causedBy: messageId } } as ConversationEvent;
}

export const started: ConversationEvent = {
  type: "ConversationStarted",
  data: { userId, agentId, startedAt: now },
};

export function sent(messageId: string, text = `text of ${messageId}`, sentAt = now): ConversationEvent {
  return { type: "UserMessageSent", data: { messageId, clientMessageId: `c-${messageId}`, text, sentAt } };
}

export function replyStarted(replyId: string, inReplyTo: string, attempt = 1): ConversationEvent {
  return { type: "AgentReplyStarted", data: { replyId, inReplyTo, attempt, startedAt: now } };
}

export function replyCompleted(replyId: string, inReplyTo: string, completedAt = now): ConversationEvent {
  return {
    type: "AgentReplyCompleted",
    data: {
      replyId,
      inReplyTo,
      text: "Hello!",
      model: "local-persona",
      usage: { promptTokens: 10, completionTokens: 3 },
      completedAt,
    },
  };
}

export function replyFailed(replyId: string, inReplyTo: string, retryable = true): ConversationEvent {
  return {
    type: "AgentReplyFailed",
    data: {
      replyId,
      inReplyTo,
      reason: "timeout",
      message: "The model took too long.",
      retryable,
      failedAt: now,
    },
  };
}

/** A conversation whose first message has been answered. */
export const answered: ConversationEvent[] = [
  started,
  sent("m1"),
  replyStarted("r1", "m1"),
  replyCompleted("r1", "m1"),
];
