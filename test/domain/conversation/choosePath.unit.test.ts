import { describe, expect, it } from "vitest";
import { activePath, conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, at, userId } from "./fixtures.ts";
import { itRejectsWhatTheConversationDoesNotKnow } from "./sharedRejections.ts";
import { Story } from "./story.ts";

const conversation = spec(conversationDecider);

/** m1 → r1 → m2 → r2, then r2 regenerated as r2b (the path runs through r2b). */
const alternatives = () =>
  new Story().send("m1").reply("r1", "m1").send("m2").reply("r2", "m2").regenerate("r2", "r2b", "again");

describe("ChooseSibling", () => {
  const story = alternatives();
  const now = at(story.minute);
  const command = {
    type: "ChooseSibling",
    userId,
    agentId,
    now,
    messageId: "r2",
    clientRequestId: "q1",
  } as const;
  const chosen: ConversationEvent = {
    type: "ActivePathChanged",
    data: {
      leafId: "r2",
      previousLeafId: "r2b",
      via: "sibling",
      messageId: "r2",
      clientRequestId: "q1",
      mood: null,
      affinity: 0,
      awaitingReplies: 0,
      changedAt: now,
    },
  };

  it("shows an alternative of a message on the path", () => {
    conversation.given(story.events).when(command).then([chosen]);
    expect(activePath(conversation.given([...story.events, chosen]).state)).toEqual(["m1", "r1", "m2", "r2"]);
  });

  it("opens the chosen branch where it was left", () => {
    const left = new Story()
      .send("m1")
      .reply("r1", "m1")
      .send("m2")
      .reply("r2", "m2")
      .send("m3")
      .reply("r3", "m3")
      .edit("m2", "m2b");
    conversation
      .given(left.events)
      .when({ ...command, messageId: "m2" })
      .thenMatches([
        { type: "ActivePathChanged", data: expect.objectContaining({ leafId: "r3", messageId: "m2" }) },
      ]);
  });

  it("chooses among first messages", () => {
    const firsts = new Story().send("m1").reply("r1", "m1").edit("m1", "m1b");
    conversation
      .given(firsts.events)
      .when({ ...command, messageId: "m1" })
      .thenMatches([{ type: "ActivePathChanged", data: expect.objectContaining({ leafId: "r1" }) }]);
  });

  it("writes nothing when the alternative is shown already, or for a retry", () => {
    conversation
      .given(story.events)
      .when({ ...command, messageId: "r2b" })
      .then([]);
    conversation
      .given([...story.events, chosen])
      .when(command)
      .then([]);
  });

  itRejectsWhatTheConversationDoesNotKnow(command, story.events, "messageId");

  it("rejects a message that is no alternative of one on the path", () => {
    const deeper = new Story()
      .send("m1")
      .reply("r1", "m1")
      .send("m2")
      .reply("r2", "m2")
      .branch("r1")
      .send("m3");
    conversation
      .given(deeper.events)
      .when({ ...command, messageId: "r2" })
      .thenRejects("NotASibling", "CONFLICT");
  });

  it("rejects a hidden alternative", () => {
    const hidden = alternatives();
    hidden.run({ type: "HideMessage", messageId: "r2", clientRequestId: "h1" });
    conversation.given(hidden.events).when(command).thenRejects("MessageHidden", "CONFLICT");
  });

  it("rejects changing the path while a reply is streaming", () => {
    const streaming = alternatives().send("m3");
    streaming.run({ type: "StartReply", replyId: "r3", messageId: "m3" });
    conversation.given(streaming.events).when(command).thenRejects("ReplyInProgress", "CONFLICT");
  });

  it("rejects a client request id used for another request", () => {
    conversation
      .given([...story.events, chosen])
      .when({ ...command, messageId: "r2b" })
      .thenRejects("ClientRequestIdReused", "CONFLICT");
  });
});

describe("BranchFrom", () => {
  const story = alternatives();
  const now = at(story.minute);
  const command = {
    type: "BranchFrom",
    userId,
    agentId,
    now,
    messageId: "r1",
    clientRequestId: "q1",
  } as const;
  const branched: ConversationEvent = {
    type: "ActivePathChanged",
    data: {
      leafId: "r1",
      previousLeafId: "r2b",
      via: "branch",
      messageId: "r1",
      clientRequestId: "q1",
      mood: null,
      affinity: 0,
      awaitingReplies: 0,
      changedAt: now,
    },
  };

  it("continues from an earlier message", () => {
    conversation.given(story.events).when(command).then([branched]);
  });

  it("makes that message the leaf, which the next message follows", () => {
    const { state } = conversation.given([...story.events, branched]);
    expect(activePath(state)).toEqual(["m1", "r1"]);
    conversation
      .given([...story.events, branched])
      .when({
        type: "SendMessage",
        userId,
        agentId,
        now,
        messageId: "m9",
        clientMessageId: "c-m9",
        text: "Hi",
      })
      .thenMatches([{ type: "UserMessageSent", data: expect.objectContaining({ parentId: "r1" }) }]);
  });

  it("continues from a message on another branch", () => {
    conversation
      .given(story.events)
      .when({ ...command, messageId: "r2" })
      .thenMatches([
        { type: "ActivePathChanged", data: expect.objectContaining({ leafId: "r2", via: "branch" }) },
      ]);
  });

  it("writes nothing from the leaf itself, or for a retry", () => {
    conversation
      .given(story.events)
      .when({ ...command, messageId: "r2b" })
      .then([]);
    conversation
      .given([...story.events, branched])
      .when(command)
      .then([]);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects an unknown message, and one of another conversation", () => {
    conversation
      .given(story.events)
      .when({ ...command, messageId: "nope" })
      .thenRejects("MessageNotFound", "NOT_FOUND");
    const other = new Story().send("x1").reply("x-r1", "x1");
    conversation
      .given(story.events)
      .when({ ...command, messageId: other.state.activeLeafId! })
      .thenRejects("MessageNotFound", "NOT_FOUND");
  });

  it("rejects a hidden message", () => {
    const hidden = alternatives();
    hidden.run({ type: "HideMessage", messageId: "r1", clientRequestId: "h1" });
    conversation.given(hidden.events).when(command).thenRejects("MessageHidden", "CONFLICT");
  });

  it("rejects branching while a reply is streaming", () => {
    const streaming = alternatives().send("m3");
    streaming.run({ type: "StartReply", replyId: "r3", messageId: "m3" });
    conversation.given(streaming.events).when(command).thenRejects("ReplyInProgress", "CONFLICT");
  });

  it("rejects a client request id used for another request", () => {
    conversation
      .given([...story.events, branched])
      .when({ ...command, messageId: "m1" })
      .thenRejects("ClientRequestIdReused", "CONFLICT");
  });
});
