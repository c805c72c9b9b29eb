import { describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import {
  findMessageByClientId,
  MAX_INITIATIONS_WITHOUT_ANSWER,
  MAX_UNANSWERED,
} from "../../../src/domain/conversation/messages.ts";
import { conversationStreamId } from "../../../src/domain/streamIds.ts";
import { spec } from "../../support/deciderSpec.ts";
import {
  agentId,
  answered,
  at,
  now,
  replyFailed,
  replyStarted,
  sent,
  started,
  userId,
  withParent,
} from "./fixtures.ts";

const conversation = spec(conversationDecider);

describe("SendMessage", () => {
  const command = {
    type: "SendMessage",
    userId,
    agentId,
    messageId: "m1",
    clientMessageId: "c-m1",
    text: "  text of m1 \n",
    now,
  } as const;

  it("starts the conversation with the first message", () => {
    conversation
      .given([])
      .when(command)
      .then([started, withParent(sent("m1"), null)]);
  });

  it("writes the greeting it carries before a first message, and the message answers it", () => {
    const greeting = { messageId: "g1", text: "Hi Ana, rainy one here." };
    conversation
      .given([])
      .when({ ...command, greeting })
      .then([
        started,
        {
          type: "AgentInitiatedMessage",
          data: { ...greeting, trigger: "greeting", sentAt: now, parentId: null },
        },
        withParent(sent("m1"), "g1"),
      ]);
  });

  it("leaves the greeting out once the conversation has started, so it is written only once", () => {
    const greeting = { messageId: "g2", text: "Hello again." };
    conversation
      .given([started, sent("m1")])
      .when({ ...command, messageId: "m2", clientMessageId: "c-m2", text: "text of m2", greeting })
      .then([withParent(sent("m2", "text of m2"), "m1")]);
    conversation
      .given([started, sent("m1")])
      .when({ ...command, messageId: "m1-again", greeting })
      .then([]);
  });

  it("only sends the message once the conversation has started", () => {
    conversation
      .given(answered)
      .when({ ...command, messageId: "m2", clientMessageId: "c-m2", text: "text of m2", now: at(5) })
      .then([withParent(sent("m2", "text of m2", at(5)), "r1")]);
  });

  it("accepts exactly 4000 characters, counting an emoji as one", () => {
    conversation
      .given([started])
      .when({ ...command, text: "😀".repeat(4000) })
      .thenMatches([{ type: "UserMessageSent" }]);
  });

  it("writes nothing for a retry with the same client message id and text", () => {
    conversation
      .given([started, sent("m1")])
      .when({ ...command, messageId: "m1-again" })
      .then([]);
  });

  it("lets the caller find the stored message of a retry", () => {
    const { state } = conversation.given([started, sent("m1")]);
    expect(findMessageByClientId(state, "c-m1")).toMatchObject({ messageId: "m1", sentAt: now });
    expect(findMessageByClientId(state, "c-unknown")).toBeUndefined();
  });

  it("rejects a client message id reused for another text", () => {
    conversation
      .given([started, sent("m1")])
      .when({ ...command, messageId: "m9", text: "something else" })
      .thenRejects("ClientMessageIdReused", "CONFLICT");
  });

  it("rejects a message id already used", () => {
    conversation
      .given([started, sent("m1")])
      .when({ ...command, clientMessageId: "c-new" })
      .thenRejects("MessageIdTaken", "CONFLICT");
  });

  it.each([
    "",
    "   ",
    "\n\t",
    "\u200B\u200B\u200B",
    "\u200C\u200D\u2060\uFEFF",
    " \u200E\u200F\u00A0\u3000 ",
    "\u3164\u115F\u2800",
    "\u0301\u0301\u0301",
    "\uFE0F\uFE0F",
    "\u{E0041}\u{E0042}",
  ])("rejects the empty message %j", (text) => {
    conversation
      .given([])
      .when({ ...command, text })
      .thenRejects("MessageEmpty", "BAD_USER_INPUT");
  });

  it.each(["👩\u200D👩\u200D👧", "a\u200B", "\u200Bhi", "e\u0301", "❤\uFE0F"])(
    "accepts %j, which shows something",
    (text) => {
      const events = conversationDecider.decide({ ...command, text }, conversationDecider.initialState());
      expect(events.map((e) => e.type)).toContain("UserMessageSent");
    },
  );

  it("rejects a message over 4000 characters", () => {
    const error = conversation
      .given([])
      .when({ ...command, text: "x".repeat(4001) })
      .thenRejects("MessageTooLong", "BAD_USER_INPUT");
    expect(error.message).toMatch(/4000/);
  });

  it("rejects piling up unanswered messages", () => {
    const given: ConversationEvent[] = [started];
    for (let i = 0; i < MAX_UNANSWERED; i++) given.push(sent(`p${i}`));
    conversation.given(given).when(command).thenRejects("TooManyUnansweredMessages", "RATE_LIMITED");
  });

  it("rejects a message for another person's conversation", () => {
    conversation
      .given([started])
      .when({ ...command, userId: "intruder" })
      .thenRejects("ConversationMismatch", "FORBIDDEN");
  });
});

describe("InitiateMessage", () => {
  const command = {
    type: "InitiateMessage",
    userId,
    agentId,
    messageId: "i1",
    text: "Guess who got caught in the rain?",
    trigger: "life_event",
    lifeEventId: "life-1",
    now: at(30),
  } as const;
  const initiated: ConversationEvent = {
    type: "AgentInitiatedMessage",
    data: {
      messageId: "i1",
      text: "Guess who got caught in the rain?",
      trigger: "life_event",
      lifeEventId: "life-1",
      sentAt: at(30),
    },
  };

  it("lets the agent write first", () => {
    conversation
      .given(answered)
      .when(command)
      .then([withParent(initiated, "r1")]);
  });

  it("writes a check-in without a life event", () => {
    const { lifeEventId: _, ...checkIn } = command;
    conversation
      .given(answered)
      .when({ ...checkIn, trigger: "check_in" })
      .then([
        {
          type: "AgentInitiatedMessage",
          data: { messageId: "i1", text: command.text, trigger: "check_in", sentAt: at(30), parentId: "r1" },
        },
      ]);
  });

  it("is not blocked by a failed reply", () => {
    conversation
      .given([started, sent("m1"), replyStarted("r1", "m1"), replyFailed("r1", "m1")])
      .when(command)
      .then([withParent(initiated, "r1")]);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects an empty message", () => {
    conversation
      .given(answered)
      .when({ ...command, text: " " })
      .thenRejects("MessageEmpty");
  });

  it("rejects a message over 4000 characters", () => {
    conversation
      .given(answered)
      .when({ ...command, text: "y".repeat(4001) })
      .thenRejects("MessageTooLong");
  });

  it("rejects a life-event message without the life event", () => {
    conversation
      .given(answered)
      .when({ ...command, lifeEventId: undefined })
      .thenRejects("LifeEventRequired", "BAD_USER_INPUT");
  });

  it("rejects a message id already used", () => {
    conversation
      .given(answered)
      .when({ ...command, messageId: "m1" })
      .thenRejects("MessageIdTaken", "CONFLICT");
  });

  it("rejects starting a topic while the person waits for a reply", () => {
    conversation
      .given([...answered, sent("m2")])
      .when(command)
      .thenRejects("UserMessageAwaitingReply", "CONFLICT");
  });

  it("lets the agent write first up to three times in one silence", () => {
    expect(MAX_INITIATIONS_WITHOUT_ANSWER).toBe(3);
    const given = [...answered];
    for (let i = 0; i < MAX_INITIATIONS_WITHOUT_ANSWER - 1; i++)
      given.push({ ...initiated, data: { ...initiated.data, messageId: `i${i + 10}` } } as ConversationEvent);
    conversation
      .given(given)
      .when(command)
      .then([withParent(initiated, "i11")]);
  });

  it("rejects writing first again and again without an answer", () => {
    const given = [...answered];
    for (let i = 0; i < MAX_INITIATIONS_WITHOUT_ANSWER; i++)
      given.push({ ...initiated, data: { ...initiated.data, messageId: `i${i + 10}` } } as ConversationEvent);
    conversation.given(given).when(command).thenRejects("InitiationLimitReached", "RATE_LIMITED");
  });

  it("counts initiations until the person writes again", () => {
    const { state } = conversation.given([...answered, initiated]);
    expect(state).toMatchObject({
      initiationsSinceUserMessage: 1,
      lastInitiatedAt: at(30),
      lastAgentMessageAt: at(30),
    });
    const after = conversation.given([...answered, initiated, sent("m2", "back!", at(40))]).state;
    expect(after).toMatchObject({
      initiationsSinceUserMessage: 0,
      lastUserMessageAt: at(40),
      messageCount: 4,
    });
  });
});

describe("conversation stream ids", () => {
  it("names one stream per person and agent", () => {
    expect(conversationStreamId(userId, agentId)).toBe("conversation-u1-a1");
  });
});
