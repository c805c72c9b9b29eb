import { describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { MAX_REPLY_ATTEMPTS, nextMessageToAnswer } from "../../../src/domain/conversation/replies.ts";
import { spec } from "../../support/deciderSpec.ts";
import {
  agentId,
  answered,
  at,
  now,
  replyCompleted,
  replyFailed,
  replyStarted,
  sent,
  started,
  userId,
  withParent,
} from "./fixtures.ts";
import { itRejectsWhatTheConversationDoesNotKnow } from "./sharedRejections.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };

describe("StartReply", () => {
  const command = { type: "StartReply", ...address, replyId: "r1", messageId: "m1" } as const;

  it("starts the first attempt at answering the next message", () => {
    conversation
      .given([started, sent("m1")])
      .when(command)
      .then([withParent(replyStarted("r1", "m1"), "m1")]);
  });

  it("answers the next message after a failed one", () => {
    conversation
      .given([started, sent("m1"), sent("m2"), replyStarted("r1", "m1"), replyFailed("r1", "m1")])
      .when({ ...command, replyId: "r2", messageId: "m2" })
      .then([withParent(replyStarted("r2", "m2"), "r1")]);
  });

  itRejectsWhatTheConversationDoesNotKnow(command, [started, sent("m1")], "messageId");

  it("rejects a message answered already", () => {
    conversation
      .given(answered)
      .when({ ...command, replyId: "r9" })
      .thenRejects("MessageAlreadyAnswered", "CONFLICT");
  });

  it("rejects a second reply to the same message", () => {
    conversation
      .given([started, sent("m1"), replyStarted("r1", "m1")])
      .when({ ...command, replyId: "r2" })
      .thenRejects("ReplyAlreadyStarted", "CONFLICT");
  });

  it("rejects starting again after a failure, which is a retry", () => {
    const error = conversation
      .given([started, sent("m1"), replyStarted("r1", "m1"), replyFailed("r1", "m1")])
      .when({ ...command, replyId: "r2" })
      .thenRejects("ReplyAlreadyStarted", "CONFLICT");
    expect(error.message).toMatch(/retry/);
  });

  it("rejects a reply id already used", () => {
    conversation
      .given([started, sent("m1"), sent("m2"), replyStarted("r1", "m1")])
      .when({ ...command, messageId: "m2" })
      .thenRejects("ReplyIdTaken", "CONFLICT");
  });

  it("rejects a second reply while one is being written", () => {
    conversation
      .given([started, sent("m1"), sent("m2"), replyStarted("r1", "m1")])
      .when({ ...command, replyId: "r2", messageId: "m2" })
      .thenRejects("ReplyInProgress", "CONFLICT");
  });

  it("rejects answering out of order", () => {
    conversation
      .given([started, sent("m1"), sent("m2")])
      .when({ ...command, messageId: "m2" })
      .thenRejects("ReplyOutOfOrder", "CONFLICT");
  });
});

describe("RetryReply", () => {
  const failed = [started, sent("m1"), replyStarted("r1", "m1"), replyFailed("r1", "m1")];
  const command = { type: "RetryReply", ...address, replyId: "r2", messageId: "m1" } as const;

  it("starts the next attempt after a failure", () => {
    conversation
      .given(failed)
      .when(command)
      .then([
        {
          type: "AgentReplyStarted",
          data: { replyId: "r2", inReplyTo: "m1", attempt: 2, startedAt: now, parentId: "m1", retryOf: "r1" },
        },
      ]);
  });

  itRejectsWhatTheConversationDoesNotKnow(command, failed, "messageId");

  it("rejects a message answered already", () => {
    conversation.given(answered).when(command).thenRejects("MessageAlreadyAnswered", "CONFLICT");
  });

  it("rejects retrying a reply that has not failed", () => {
    conversation
      .given([started, sent("m1")])
      .when(command)
      .thenRejects("ReplyNotFailed", "CONFLICT");
  });

  it("rejects a reply id already used", () => {
    conversation
      .given(failed)
      .when({ ...command, replyId: "r1" })
      .thenRejects("ReplyIdTaken", "CONFLICT");
  });

  it("rejects a retry while another reply is being written", () => {
    conversation
      .given([...failed, sent("m2"), replyStarted("r5", "m2")])
      .when(command)
      .thenRejects("ReplyInProgress", "CONFLICT");
  });

  it("rejects a retry once the attempts are used up", () => {
    const given: ConversationEvent[] = [started, sent("m1")];
    for (let attempt = 1; attempt <= MAX_REPLY_ATTEMPTS; attempt++)
      given.push(replyStarted(`r-${attempt}`, "m1", attempt), replyFailed(`r-${attempt}`, "m1"));
    conversation.given(given).when(command).thenRejects("ReplyAttemptsExhausted", "RATE_LIMITED");
  });
});

describe("the queue of unanswered messages", () => {
  it("knows which message to answer next", () => {
    const given = [started, sent("m1", "a", at(1)), sent("m2", "b", at(2))];
    expect(nextMessageToAnswer(conversation.given(given).state)?.messageId).toBe("m1");
    expect(nextMessageToAnswer(conversation.given([...given, replyStarted("r1", "m1")]).state)).toBeNull();
    const afterFirst = conversation.given([
      ...given,
      replyStarted("r1", "m1"),
      replyCompleted("r1", "m1"),
    ]).state;
    expect(nextMessageToAnswer(afterFirst)?.messageId).toBe("m2");
    expect(afterFirst.unanswered.map((m) => m.messageId)).toEqual(["m2"]);
  });

  it("settles earlier failed messages once a later one is answered", () => {
    const { state } = conversation.given([
      started,
      sent("m1"),
      sent("m2"),
      replyStarted("r1", "m1"),
      replyFailed("r1", "m1"),
      replyStarted("r2", "m2"),
      replyCompleted("r2", "m2"),
    ]);
    expect(state.unanswered).toEqual([]);
    expect(state.replies.map((r) => [r.replyId, r.status])).toEqual([
      ["r1", "failed"],
      ["r2", "completed"],
    ]);
  });

  it("keeps the counts later features read", () => {
    const { state } = conversation.given([...answered, sent("m2", "again", at(7))]);
    expect(state).toMatchObject({
      revision: 4,
      messageCount: 3,
      userMessageCount: 2,
      agentMessageCount: 1,
      lastUserMessageAt: at(7),
      lastAgentMessageAt: now,
    });
    expect(state.unanswered).toEqual([
      { messageId: "m2", sentAt: at(7), status: "waiting", attempts: 0, replyId: null, retryable: true },
    ]);
  });
});
