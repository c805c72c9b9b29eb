import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import type { ProjectedOf } from "../runner/projection.ts";
import { preview } from "../runner/rowTables.ts";
import type { ConversationRow } from "./rows.ts";

/** The conversation events the conversations read model follows. */
export const followedEventTypes = [
  "ConversationStarted",
  "UserMessageSent",
  "AgentReplyStarted",
  "AgentReplyCompleted",
  "AgentReplyFailed",
  "MoodShifted",
  "AffinityChanged",
  "ImageRequestGranted",
  "ImageRequestDeclined",
  "MemorySummarized",
  "MemorySummariesWithdrawn",
  "AgentInitiatedMessage",
  "ActivePathChanged",
] as const satisfies readonly ConversationEvent["type"][];

export type FollowedEvent = ProjectedOf<
  Extract<ConversationEvent, { type: (typeof followedEventTypes)[number] }>
>;

/** The life scheduler's daily caps look back at most this far. */
const RECENT_INITIATIONS_MS = 2 * 86_400_000;

/** What an event changes in the conversation's row. */
export function rowChanges(row: ConversationRow, event: FollowedEvent): Partial<ConversationRow> {
  switch (event.type) {
    case "ConversationStarted":
      return {};
    case "UserMessageSent": {
      const { text, sentAt } = event.data;
      return {
        last_message_preview: preview(text),
        last_message_at: sentAt,
        last_message_role: "user",
        last_message_kind: "user",
        unread_count: 0,
        message_count: row.message_count + 1,
        user_message_count: row.user_message_count + 1,
        last_user_message_at: sentAt,
        initiations_since_user_message: 0,
        awaiting_replies: row.awaiting_replies + 1,
      };
    }
    case "AgentReplyStarted":
      return {
        reply_status: "streaming",
        reply_id: event.data.replyId,
        // A retry owes again the reply that had failed; a regenerated one is counted with its path.
        awaiting_replies: row.awaiting_replies + (event.data.attempt > 1 ? 1 : 0),
      };
    case "AgentReplyCompleted": {
      const { text, completedAt } = event.data;
      return {
        ...agentMessage(row, completedAt, preview(text), "reply"),
        reply_status: "idle",
        reply_id: null,
        awaiting_replies: Math.max(0, row.awaiting_replies - 1),
      };
    }
    case "AgentReplyFailed":
      return {
        reply_status: "failed",
        reply_id: event.data.replyId,
        awaiting_replies: Math.max(0, row.awaiting_replies - 1),
      };
    case "MoodShifted": {
      const { mood, intensity, reason } = event.data;
      return {
        mood,
        mood_intensity: intensity,
        mood_reason: reason,
        mood_changed_at: event.occurredAt,
      };
    }
    case "AffinityChanged":
      return { affinity: event.data.value, affinity_changed_at: event.occurredAt };
    case "ImageRequestGranted": {
      const at = event.data.grantedAt;
      return {
        last_message_preview: null,
        last_message_at: at,
        last_message_role: "agent",
        last_message_kind: "image",
        unread_count: row.unread_count + 1,
        images_granted: row.images_granted + 1,
        last_image_granted_at: at,
      };
    }
    case "ImageRequestDeclined":
      return { images_declined: row.images_declined + 1 };
    case "MemorySummarized":
      // A rewrite stands in for a withdrawn summary of a stretch covered already.
      return {
        memory_summaries: row.memory_summaries + 1,
        last_summarized_revision:
          event.data.rewrites === undefined ? event.data.coversToRevision : row.last_summarized_revision,
      };
    case "MemorySummariesWithdrawn":
      // Counted as the agent recalls them: a withdrawn summary no longer is.
      return { memory_summaries: Math.max(0, row.memory_summaries - event.data.summaryIds.length) };
    case "AgentInitiatedMessage": {
      const { text, sentAt } = event.data;
      return {
        ...agentMessage(row, sentAt, preview(text), "initiated"),
        initiations_since_user_message: row.initiations_since_user_message + 1,
        last_initiated_at: sentAt,
        recent_initiations: [
          ...row.recent_initiations.filter(
            (at) => Date.parse(at) >= Date.parse(sentAt) - RECENT_INITIATIONS_MS,
          ),
          sentAt,
        ],
      };
    }
    case "ActivePathChanged": {
      // The path shown now: its mood (null until one shifted on it), affinity and replies owed.
      // Version 1 carries no count: it stays, and a regenerated reply is owed anew.
      const { mood, affinity, awaitingReplies, via, changedAt } = event.data;
      return {
        awaiting_replies: awaitingReplies ?? row.awaiting_replies + (via === "regenerate" ? 1 : 0),
        mood: mood?.mood ?? null,
        mood_intensity: mood?.intensity ?? null,
        mood_reason: null,
        mood_changed_at: changedAt,
        affinity,
        affinity_changed_at: changedAt,
      };
    }
    default:
      return assertNever(event);
  }
}

function agentMessage(
  row: ConversationRow,
  at: string,
  text: string,
  kind: "reply" | "initiated",
): Partial<ConversationRow> {
  return {
    last_message_preview: text,
    last_message_at: at,
    last_message_role: "agent",
    last_message_kind: kind,
    unread_count: row.unread_count + 1,
    message_count: row.message_count + 1,
    agent_message_count: row.agent_message_count + 1,
    last_agent_message_at: at,
  };
}
