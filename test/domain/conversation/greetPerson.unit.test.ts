import { describe, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
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
