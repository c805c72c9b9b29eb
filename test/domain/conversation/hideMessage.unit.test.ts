import { describe, expect, it } from "vitest";
import {
  activePath,
  conversationDecider,
  siblingsOf,
  visibleActivePath,
} from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, at, userId } from "./fixtures.ts";
import { itRejectsWhatTheConversationDoesNotKnow } from "./sharedRejections.ts";
import { Story } from "./story.ts";

const conversation = spec(conversationDecider);

/** m1 → r1 → m2 → r2, then r2 regenerated as r2b. */
const alternatives = () =>
  new Story().send("m1").reply("r1", "m1").send("m2").reply("r2", "m2").regenerate("r2", "r2b", "again");

describe("HideMessage", () => {
  const story = alternatives();
  const now = at(story.minute);
  const command = {
    type: "HideMessage",
    userId,
    agentId,
    now,
    messageId: "m2",
    clientRequestId: "h1",
  } as const;
  const hidden: ConversationEvent = {
    type: "MessageHidden",
    data: { messageId: "m2", clientRequestId: "h1", hiddenAt: now },
  };

  it("hides a message", () => {
    conversation.given(story.events).when(command).then([hidden]);
  });

  it("leaves it out of what is shown, keeping the path and what it caused", () => {
    const before = conversation.given(story.events).state;
    const { state } = conversation.given([...story.events, hidden]);
    expect(activePath(state)).toEqual(["m1", "r1", "m2", "r2b"]);
    expect(visibleActivePath(state)).toEqual(["m1", "r1", "r2b"]);
    expect(state.affinity).toBe(before.affinity);
    expect(state.unanswered).toEqual(before.unanswered);
  });

  it("leaves a hidden alternative out of the siblings", () => {
    const { state } = conversation.given([
      ...story.events,
      { type: "MessageHidden", data: { messageId: "r2", clientRequestId: "h2", hiddenAt: now } },
    ]);
    expect(siblingsOf(state, "r2b")).toEqual({ ids: ["r2b"], index: 0 });
    expect(siblingsOf(state, "r2b", { includeHidden: true })).toEqual({ ids: ["r2", "r2b"], index: 1 });
    expect(siblingsOf(state, "r2")).toEqual({ ids: ["r2b"], index: -1 });
  });

  it("hides a message on another branch", () => {
    conversation
      .given(story.events)
      .when({ ...command, messageId: "r2" })
      .thenMatches([{ type: "MessageHidden", data: expect.objectContaining({ messageId: "r2" }) }]);
  });

  it("hides a message whose reply failed", () => {
    const failed = alternatives().send("m3");
    failed.run({ type: "StartReply", replyId: "r3", messageId: "m3" });
    failed.fail("r3");
    conversation
      .given(failed.events)
      .when({ ...command, messageId: "m3" })
      .thenMatches([{ type: "MessageHidden" }]);
  });

  it("writes nothing for a retry of the same request", () => {
    conversation
      .given([...story.events, hidden])
      .when(command)
      .then([]);
  });

  itRejectsWhatTheConversationDoesNotKnow(command, story.events, "messageId");

  it("rejects hiding twice", () => {
    conversation
      .given([...story.events, hidden])
      .when({ ...command, clientRequestId: "h2" })
      .thenRejects("MessageAlreadyHidden", "CONFLICT");
  });

  it("rejects hiding a reply being written, or the message it answers", () => {
    const streaming = alternatives().send("m3");
    streaming.run({ type: "StartReply", replyId: "r3", messageId: "m3" });
    conversation
      .given(streaming.events)
      .when({ ...command, messageId: "r3" })
      .thenRejects("ReplyInProgress", "CONFLICT");
    conversation
      .given(streaming.events)
      .when({ ...command, messageId: "m3" })
      .thenRejects("MessageAwaitingReply", "CONFLICT");
  });

  it("rejects hiding a message still waiting for its reply", () => {
    conversation
      .given(alternatives().send("m3").events)
      .when({ ...command, messageId: "m3" })
      .thenRejects("MessageAwaitingReply", "CONFLICT");
  });

  it("rejects a client request id used for another request", () => {
    conversation
      .given([...story.events, hidden])
      .when({ ...command, messageId: "r1" })
      .thenRejects("ClientRequestIdReused", "CONFLICT");
  });
});

describe("UnhideMessage", () => {
  const story = alternatives();
  story.run({ type: "HideMessage", messageId: "m2", clientRequestId: "h1" });
  const now = at(story.minute);
  const command = {
    type: "UnhideMessage",
    userId,
    agentId,
    now,
    messageId: "m2",
    clientRequestId: "u1",
  } as const;
  const unhidden: ConversationEvent = {
    type: "MessageUnhidden",
    data: { messageId: "m2", clientRequestId: "u1", unhiddenAt: now },
  };

  it("shows a hidden message again", () => {
    conversation.given(story.events).when(command).then([unhidden]);
    expect(visibleActivePath(conversation.given([...story.events, unhidden]).state)).toEqual([
      "m1",
      "r1",
      "m2",
      "r2b",
    ]);
  });

  it("writes nothing for a retry of the same request", () => {
    conversation
      .given([...story.events, unhidden])
      .when(command)
      .then([]);
  });

  itRejectsWhatTheConversationDoesNotKnow(command, story.events, "messageId");

  it("rejects a message that is not hidden", () => {
    conversation
      .given(story.events)
      .when({ ...command, messageId: "r1" })
      .thenRejects("MessageNotHidden", "CONFLICT");
  });

  it("rejects a client request id used for another request", () => {
    conversation
      .given(story.events)
      .when({ ...command, clientRequestId: "h1" })
      .thenRejects("ClientRequestIdReused", "CONFLICT");
  });
});
