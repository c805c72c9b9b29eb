import { describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import {
  agentId,
  answered,
  now,
  replyCompleted,
  replyFailed,
  replyStarted,
  sent,
  started,
  userId,
} from "./fixtures.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };

describe("CompleteReply", () => {
  const replying = [started, sent("m1"), replyStarted("r1", "m1")];
  const command = {
    type: "CompleteReply",
    ...address,
    replyId: "r1",
    text: " Hello! ",
    model: "local-persona",
    usage: { promptTokens: 10, completionTokens: 3 },
  } as const;

  it("completes a started reply", () => {
    conversation
      .given(replying)
      .when(command)
      .then([replyCompleted("r1", "m1")]);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects an unknown reply", () => {
    conversation
      .given(replying)
      .when({ ...command, replyId: "nope" })
      .thenRejects("ReplyNotFound", "NOT_FOUND");
  });

  it("rejects completing a reply twice", () => {
    conversation.given(answered).when(command).thenRejects("ReplyAlreadyFinished", "CONFLICT");
  });

  it("rejects completing a failed reply", () => {
    conversation
      .given([...replying, replyFailed("r1", "m1")])
      .when(command)
      .thenRejects("ReplyAlreadyFinished", "CONFLICT");
  });

  it("rejects an empty reply", () => {
    conversation
      .given(replying)
      .when({ ...command, text: "  " })
      .thenRejects("ReplyTextInvalid", "BAD_USER_INPUT");
  });

  it("rejects negative token counts", () => {
    conversation
      .given(replying)
      .when({ ...command, usage: { promptTokens: -1, completionTokens: 3 } })
      .thenRejects("ReplyUsageInvalid", "BAD_USER_INPUT");
  });
});

describe("FailReply", () => {
  const replying = [started, sent("m1"), replyStarted("r1", "m1")];
  const command = {
    type: "FailReply",
    ...address,
    replyId: "r1",
    reason: "timeout",
    message: "The model took too long.",
    retryable: true,
  } as const;

  it("fails a started reply", () => {
    conversation
      .given(replying)
      .when(command)
      .then([replyFailed("r1", "m1")]);
  });

  it("shortens a long provider message", () => {
    const [event] = conversation
      .given(replying)
      .when({ ...command, message: "e".repeat(5000) })
      .thenMatches([{ type: "AgentReplyFailed" }]);
    expect(event?.type === "AgentReplyFailed" && event.data.message.length).toBe(1000);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects an unknown reply", () => {
    conversation
      .given(replying)
      .when({ ...command, replyId: "nope" })
      .thenRejects("ReplyNotFound", "NOT_FOUND");
  });

  it("rejects failing a finished reply", () => {
    conversation.given(answered).when(command).thenRejects("ReplyAlreadyFinished", "CONFLICT");
  });
});
