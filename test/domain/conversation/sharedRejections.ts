import { it } from "vitest";
import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { spec } from "../../support/deciderSpec.ts";

const conversation = spec(conversationDecider);

/**
 * The two rejections every command on one message shares: no conversation yet, and a message id the
 * conversation does not know (`messageField` names where the command carries it).
 */
export function itRejectsWhatTheConversationDoesNotKnow(
  command: ConversationCommand,
  events: ConversationEvent[],
  messageField: "messageId" | "replyId",
): void {
  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects an unknown message", () => {
    conversation
      .given(events)
      .when({ ...command, [messageField]: "nope" } as ConversationCommand)
      .thenRejects("MessageNotFound", "NOT_FOUND");
  });
}
