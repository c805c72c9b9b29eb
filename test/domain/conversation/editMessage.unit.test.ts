import { describe, expect, it } from "vitest";
import {
  activePath,
  conversationDecider,
  MAX_ALTERNATIVES,
  nextMessageToAnswer,
  siblingsOf,
} from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, at, userId } from "./fixtures.ts";
import { itRejectsWhatTheConversationDoesNotKnow } from "./sharedRejections.ts";
import { Story } from "./story.ts";

const conversation = spec(conversationDecider);

/** m1 → r1 → m2 → r2, all answered. */
const twoTurns = () => new Story().send("m1").reply("r1", "m1").send("m2").reply("r2", "m2");

describe("EditMessage", () => {
  const story = twoTurns();
  const now = at(story.minute);
  const command = {
    type: "EditMessage",
    userId,
    agentId,
    now,
    messageId: "m2",
    newMessageId: "m2b",
    clientMessageId: "c-m2b",
    text: " What I meant to say ",
  } as const;
  const edited: ConversationEvent[] = [
    {
      type: "ActivePathChanged",
      data: {
        leafId: "r1",
        previousLeafId: "r2",
        via: "edit",
        messageId: "m2",
        clientRequestId: "c-m2b",
        mood: null,
        affinity: 0,
        awaitingReplies: 0,
        changedAt: now,
      },
    },
    {
      type: "UserMessageSent",
      data: {
        messageId: "m2b",
        clientMessageId: "c-m2b",
        text: "What I meant to say",
        sentAt: now,
        parentId: "r1",
        edits: "m2",
      },
    },
  ];

  it("goes back to the edited message's parent and sends the new message there", () => {
    conversation.given(story.events).when(command).then(edited);
  });

  it("moves the path to the edit, which waits for its own reply", () => {
    const { state } = conversation.given([...story.events, ...edited]);
    expect(activePath(state)).toEqual(["m1", "r1", "m2b"]);
    expect(siblingsOf(state, "m2b")).toEqual({ ids: ["m2", "m2b"], index: 1 });
    expect(nextMessageToAnswer(state)?.messageId).toBe("m2b");
  });

  it("edits the first message into a new first message", () => {
    const tree = twoTurns().edit("m1", "m1b");
    expect(tree.events.at(-2)?.data).toMatchObject({ leafId: null, via: "edit", mood: null, affinity: 0 });
    expect(tree.events.at(-1)?.data).toMatchObject({ messageId: "m1b", parentId: null, edits: "m1" });
    expect(activePath(tree.state)).toEqual(["m1b"]);
    expect(siblingsOf(tree.state, "m1b")).toEqual({ ids: ["m1", "m1b"], index: 1 });
  });

  it("edits a message still waiting for its reply, which then waits on its own branch", () => {
    const waiting = new Story().send("m1").reply("r1", "m1").send("m2").edit("m2", "m2b");
    expect(waiting.state.unanswered.map((m) => m.messageId)).toEqual(["m2b"]);
  });

  it("writes nothing for a retry with the same client message id", () => {
    conversation
      .given([...story.events, ...edited])
      .when(command)
      .then([]);
  });

  itRejectsWhatTheConversationDoesNotKnow(command, story.events, "messageId");

  it("rejects editing an agent message", () => {
    conversation
      .given(story.events)
      .when({ ...command, messageId: "r2" })
      .thenRejects("AgentMessageNotEditable", "BAD_USER_INPUT");
    const initiated = twoTurns();
    initiated.run({ type: "InitiateMessage", messageId: "i1", text: "Guess what!", trigger: "check_in" });
    conversation
      .given(initiated.events)
      .when({ ...command, messageId: "i1" })
      .thenRejects("AgentMessageNotEditable", "BAD_USER_INPUT");
  });

  it("rejects a message that is not on the path", () => {
    conversation
      .given(twoTurns().edit("m2", "m2b").events)
      .when({ ...command, newMessageId: "m2c", clientMessageId: "c-m2c" })
      .thenRejects("MessageNotOnPath", "CONFLICT");
  });

  it("rejects a hidden message", () => {
    const hidden = twoTurns();
    hidden.run({ type: "HideMessage", messageId: "m2", clientRequestId: "h1" });
    conversation.given(hidden.events).when(command).thenRejects("MessageHidden", "CONFLICT");
  });

  it("rejects editing while a reply is streaming", () => {
    const streaming = twoTurns().send("m3");
    streaming.run({ type: "StartReply", replyId: "r3", messageId: "m3" });
    conversation.given(streaming.events).when(command).thenRejects("ReplyInProgress", "CONFLICT");
  });

  it.each([
    ["", "MessageEmpty"],
    ["x".repeat(4001), "MessageTooLong"],
  ])("rejects the text %#", (text, reason) => {
    conversation
      .given(story.events)
      .when({ ...command, text })
      .thenRejects(reason, "BAD_USER_INPUT");
  });

  it("rejects a client message id used for another text or message", () => {
    conversation
      .given([...story.events, ...edited])
      .when({ ...command, text: "Something else" })
      .thenRejects("ClientMessageIdReused", "CONFLICT");
    conversation
      .given(story.events)
      .when({ ...command, clientMessageId: "c-m1", text: "text of m1" })
      .thenRejects("ClientMessageIdReused", "CONFLICT");
  });

  it("rejects a message id already used", () => {
    conversation
      .given(story.events)
      .when({ ...command, newMessageId: "r1" })
      .thenRejects("MessageIdTaken", "CONFLICT");
  });

  it(`rejects more than ${MAX_ALTERNATIVES} versions of one message`, () => {
    const many = twoTurns();
    for (let i = 1; i < MAX_ALTERNATIVES; i++) many.edit(i === 1 ? "m2" : `m2-${i - 1}`, `m2-${i}`);
    conversation
      .given(many.events)
      .when({ ...command, messageId: `m2-${MAX_ALTERNATIVES - 1}` })
      .thenRejects("TooManyAlternatives", "RATE_LIMITED");
  });
});
