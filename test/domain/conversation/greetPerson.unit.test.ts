import { describe, it } from "vitest";
import { conversationDecider, MAX_ALTERNATIVES } from "../../../src/domain/conversation/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, now, sent, started, userId } from "./fixtures.ts";

const conversation = spec(conversationDecider);

describe("GreetPerson", () => {
  const command = {
    type: "GreetPerson",
    userId,
    agentId,
    messageId: "g1",
    text: "  Last bowl of the night, Ana. Shio or shoyu? ",
    now,
  } as const;

  it("starts the conversation with the agent's greeting as its first message", () => {
    conversation
      .given([])
      .when(command)
      .then([
        { type: "ConversationStarted", data: { userId, agentId, startedAt: now } },
        {
          type: "AgentInitiatedMessage",
          data: {
            messageId: "g1",
            text: "Last bowl of the night, Ana. Shio or shoyu?",
            trigger: "greeting",
            sentAt: now,
            parentId: null,
          },
        },
      ]);
  });

  it("writes alternative greetings as first messages beside it, in order", () => {
    const greeting = (messageId: string, text: string) =>
      ({
        type: "AgentInitiatedMessage",
        data: { messageId, text, trigger: "greeting", sentAt: now, parentId: null },
      }) as const;
    conversation
      .given([])
      .when({
        ...command,
        alternatives: [
          { messageId: "g2", text: "Closing soon." },
          { messageId: "g3", text: "Back again?" },
        ],
      })
      .then([
        { type: "ConversationStarted", data: { userId, agentId, startedAt: now } },
        greeting("g1", "Last bowl of the night, Ana. Shio or shoyu?"),
        greeting("g2", "Closing soon."),
        greeting("g3", "Back again?"),
      ]);
  });

  it("rejects alternative greetings that share an id", () => {
    conversation
      .given([])
      .when({ ...command, alternatives: [{ messageId: "g1", text: "Again?" }] })
      .thenRejects("MessageIdTaken", "BAD_USER_INPUT");
  });

  it("rejects more greetings than a message may have alternatives", () => {
    const alternatives = Array.from({ length: MAX_ALTERNATIVES }, (_, i) => ({
      messageId: `alt-${i}`,
      text: `Hello ${i}`,
    }));
    conversation
      .given([])
      .when({ ...command, alternatives })
      .thenRejects("TooManyAlternatives", "BAD_USER_INPUT");
  });

  it("rejects a blank alternative greeting", () => {
    conversation
      .given([])
      .when({ ...command, alternatives: [{ messageId: "g2", text: "  " }] })
      .thenRejects("MessageEmpty", "BAD_USER_INPUT");
  });

  it("writes nothing when the conversation has already started", () => {
    conversation
      .given([started, sent("m1")])
      .when(command)
      .then([]);
  });

  it("rejects an empty greeting", () => {
    conversation
      .given([])
      .when({ ...command, text: " \n" })
      .thenRejects("MessageEmpty", "BAD_USER_INPUT");
  });

  it("rejects greeting someone else's conversation", () => {
    conversation
      .given([started])
      .when({ ...command, userId: "someone-else" })
      .thenRejects("ConversationMismatch", "FORBIDDEN");
  });
});
