import { assertNever } from "../domain/shared/decider.ts";
import type { ConversationLive } from "../ports/liveBus.ts";

/**
 * What the reply reactor publishes on `topics.conversation(userId, agentId)` while it writes: a
 * `reply.delta` for each piece of text, `agent.typing`, and `reply.abandoned` for a reply whose
 * start was refused, so it will never be stored. The read models' notices on that topic
 * say something was stored.
 */
export type LiveConversationEvent =
  | { kind: "replyDelta"; replyId: string; text: string; index: number | null }
  | { kind: "replyAbandoned"; replyId: string; inReplyTo: string; reason: string }
  | { kind: "typing"; typing: boolean; replyId: string | null };

export type LiveClassification = { type: "event"; event: LiveConversationEvent } | { type: "notice" };

/** A live event for the client, or a notice that something was stored. */
export function classifyLiveMessage(message: ConversationLive): LiveClassification {
  switch (message.kind) {
    case "reply.delta": {
      const { replyId, text, index } = message.payload;
      return { type: "event", event: { kind: "replyDelta", replyId, text, index } };
    }
    case "reply.abandoned":
      return { type: "event", event: { kind: "replyAbandoned", ...message.payload } };
    case "agent.typing": {
      const { typing, replyId } = message.payload;
      return { type: "event", event: { kind: "typing", typing, replyId } };
    }
    case "message.upserted":
    case "conversation.state":
      return { type: "notice" };
    default:
      return assertNever(message);
  }
}
