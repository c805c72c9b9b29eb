import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import { topics } from "../../src/ports/liveBus.ts";
import {
  defineProjection,
  type Notice,
  notice,
  type ProjectedOf,
  type RowStore,
} from "../runner/projection.ts";
import { preview } from "../runner/rowTables.ts";
import {
  type ConversationRow,
  conversationRow,
  conversations,
  newConversationRow,
  toConversationView,
} from "./rows.ts";

const handled = [
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
  "AgentInitiatedMessage",
  "ActivePathChanged",
] as const satisfies readonly ConversationEvent["type"][];

type Event = ProjectedOf<Extract<ConversationEvent, { type: (typeof handled)[number] }>>;

/** The life scheduler's daily caps look back at most this far. */
const RECENT_INITIATIONS_MS = 2 * 86_400_000;

/** Each person × agent: mood, affinity, the last message, unread and message counts, reply status. */
export const conversationsProjection = defineProjection({
  name: "conversations",
  // 2: messages awaiting a reply (with a partial index for the conversations owed one) and the
  // latest initiations, for the life scheduler. 3: mood and affinity follow the active path.
  version: 3,
  tables: [
    {
      name: conversations.name,
      columns: `stream_id text not null, user_id text not null, agent_id text not null,
        started_at timestamptz not null, mood text, mood_intensity float8, mood_reason text,
        mood_changed_at timestamptz, affinity int not null, affinity_changed_at timestamptz,
        last_message_preview text, last_message_at timestamptz, last_message_role text, last_message_kind text,
        unread_count int not null, message_count int not null, user_message_count int not null,
        agent_message_count int not null, last_user_message_at timestamptz, last_agent_message_at timestamptz,
        reply_status text not null, reply_id text, awaiting_replies int not null, images_granted int not null, images_declined int not null,
        last_image_granted_at timestamptz, initiations_since_user_message int not null,
        last_initiated_at timestamptz, recent_initiations jsonb not null, memory_summaries int not null, last_summarized_revision int,
        revision int not null, updated_at timestamptz not null`,
      primaryKey: ["stream_id"],
      indexes: [
        "(user_id, agent_id)",
        "(user_id, last_message_at desc nulls last, stream_id)",
        "(agent_id, last_message_at desc nulls last, stream_id)",
        "(stream_id) where awaiting_replies > 0",
      ],
    },
  ],
  canHandle: handled,
  evolve: (event, rows) => evolve(event as Event, rows),
  notify: (event, rows) => notify(event as Event, rows),
});

/** Without a promise whenever the row is known: nearly every event of a conversation in a rebuild. */
function evolve(event: Event, rows: RowStore): Promise<void> | undefined {
  if (event.type === "ConversationStarted") {
    conversations.put(rows, newConversationRow(event.streamId, event.data, event.revision));
    return;
  }
  // Changed in place: the row is copied once per batch, not once per event.
  const key = { stream_id: event.streamId };
  const row = conversations.editKnown(rows, key);
  if (row === undefined) return conversations.edit(rows, key).then((read) => read && apply(read, event));
  if (row) apply(row, event);
}

function apply(row: ConversationRow, event: Event): void {
  const changed = changes(row, event);
  row.revision = event.revision;
  row.updated_at = event.occurredAt;
  Object.assign(row, changed);
}

/** What an event changes in the conversation's row. */
function changes(row: ConversationRow, event: Event): Partial<ConversationRow> {
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
      return {
        memory_summaries: row.memory_summaries + 1,
        last_summarized_revision: event.data.coversToRevision,
      };
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

/** `conversation.state` on the conversation's topic: the whole row as the API shows it. */
async function notify(event: Event, rows: RowStore): Promise<Notice[]> {
  const row = await conversations.get(rows, { stream_id: event.streamId });
  if (!row) return [];
  const view = toConversationView(conversationRow.parse(row));
  return [
    notice(topics.conversation(view.userId, view.agentId), {
      kind: "conversation.state",
      payload: { ...view, position: event.position, streamId: event.streamId, revision: event.revision },
    }),
  ];
}
