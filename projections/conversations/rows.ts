import { z } from "zod";
import { MoodSchema } from "../../src/domain/shared/mood.ts";
import { instant, nullableInstant, rowTable } from "../runner/rowTables.ts";

export const MESSAGE_KINDS = ["user", "reply", "initiated", "image"] as const;

export const conversationRow = z.object({
  stream_id: z.string(),
  user_id: z.string(),
  agent_id: z.string(),
  started_at: instant,
  mood: MoodSchema.nullable(),
  mood_intensity: z.number().nullable(),
  mood_reason: z.string().nullable(),
  mood_changed_at: nullableInstant,
  affinity: z.number(),
  affinity_changed_at: nullableInstant,
  last_message_preview: z.string().nullable(),
  last_message_at: nullableInstant,
  last_message_role: z.enum(["user", "agent"]).nullable(),
  last_message_kind: z.enum(MESSAGE_KINDS).nullable(),
  unread_count: z.number(),
  message_count: z.number(),
  user_message_count: z.number(),
  agent_message_count: z.number(),
  last_user_message_at: nullableInstant,
  last_agent_message_at: nullableInstant,
  reply_status: z.enum(["idle", "streaming", "failed"]),
  reply_id: z.string().nullable(),
  /** Messages of the person's still owed a reply (being written, or not yet started); failed ones are not. */
  awaiting_replies: z.number(),
  images_granted: z.number(),
  images_declined: z.number(),
  last_image_granted_at: nullableInstant,
  initiations_since_user_message: z.number(),
  last_initiated_at: nullableInstant,
  /** When the agent started a conversation lately (ISO), those within two days of the latest. */
  recent_initiations: z.array(instant),
  memory_summaries: z.number(),
  last_summarized_revision: z.number().nullable(),
  revision: z.number(),
  updated_at: instant,
});
export type ConversationRow = z.output<typeof conversationRow>;

export const conversations = rowTable<ConversationRow>("conversations");

/** A conversation that has just started: every column, in its first state. */
export function newConversationRow(
  streamId: string,
  data: { userId: string; agentId: string; startedAt: string },
  revision: number,
): ConversationRow {
  return {
    stream_id: streamId,
    user_id: data.userId,
    agent_id: data.agentId,
    started_at: data.startedAt,
    mood: null,
    mood_intensity: null,
    mood_reason: null,
    mood_changed_at: null,
    affinity: 0,
    affinity_changed_at: null,
    last_message_preview: null,
    last_message_at: null,
    last_message_role: null,
    last_message_kind: null,
    unread_count: 0,
    message_count: 0,
    user_message_count: 0,
    agent_message_count: 0,
    last_user_message_at: null,
    last_agent_message_at: null,
    reply_status: "idle",
    reply_id: null,
    awaiting_replies: 0,
    images_granted: 0,
    images_declined: 0,
    last_image_granted_at: null,
    initiations_since_user_message: 0,
    last_initiated_at: null,
    recent_initiations: [],
    memory_summaries: 0,
    last_summarized_revision: null,
    revision,
    updated_at: data.startedAt,
  };
}

/** One person × one agent, as the API shows it. */
export interface ConversationView {
  streamId: string;
  userId: string;
  agentId: string;
  startedAt: string;
  /** Null until the mood first shifts in this conversation: the agent's mood baseline applies. */
  mood: {
    mood: z.output<typeof MoodSchema>;
    intensity: number;
    reason: string | null;
    changedAt: string | null;
  } | null;
  /** -100..100, 0 at the start. */
  affinity: number;
  affinityChangedAt: string | null;
  lastMessage: {
    /** The first 140 characters; null for an image. */
    preview: string | null;
    at: string;
    role: "user" | "agent";
    kind: (typeof MESSAGE_KINDS)[number];
  } | null;
  /**
   * Agent messages (completed replies, messages the agent started, granted images) since the
   * person last wrote. There is no read receipt: writing back is what marks them read.
   */
  unreadCount: number;
  /** User messages plus completed replies and agent-initiated messages (as the conversation counts them). */
  messageCount: number;
  userMessageCount: number;
  agentMessageCount: number;
  lastUserMessageAt: string | null;
  lastAgentMessageAt: string | null;
  /** `streaming` while a reply is written, `failed` when the last reply failed, else `idle`. */
  replyStatus: "idle" | "streaming" | "failed";
  replyId: string | null;
  imagesGranted: number;
  imagesDeclined: number;
  lastImageGrantedAt: string | null;
  initiationsSinceUserMessage: number;
  lastInitiatedAt: string | null;
  memorySummaryCount: number;
  lastSummarizedRevision: number | null;
  /** Revision of the conversation stream this row reflects. */
  revision: number;
  updatedAt: string;
}

export function toConversationView(row: ConversationRow): ConversationView {
  return {
    streamId: row.stream_id,
    userId: row.user_id,
    agentId: row.agent_id,
    startedAt: row.started_at,
    mood:
      row.mood === null
        ? null
        : {
            mood: row.mood,
            intensity: row.mood_intensity ?? 0,
            reason: row.mood_reason,
            changedAt: row.mood_changed_at,
          },
    affinity: row.affinity,
    affinityChangedAt: row.affinity_changed_at,
    lastMessage:
      row.last_message_at && row.last_message_role && row.last_message_kind
        ? {
            preview: row.last_message_preview,
            at: row.last_message_at,
            role: row.last_message_role,
            kind: row.last_message_kind,
          }
        : null,
    unreadCount: row.unread_count,
    messageCount: row.message_count,
    userMessageCount: row.user_message_count,
    agentMessageCount: row.agent_message_count,
    lastUserMessageAt: row.last_user_message_at,
    lastAgentMessageAt: row.last_agent_message_at,
    replyStatus: row.reply_status,
    replyId: row.reply_id,
    imagesGranted: row.images_granted,
    imagesDeclined: row.images_declined,
    lastImageGrantedAt: row.last_image_granted_at,
    initiationsSinceUserMessage: row.initiations_since_user_message,
    lastInitiatedAt: row.last_initiated_at,
    memorySummaryCount: row.memory_summaries,
    lastSummarizedRevision: row.last_summarized_revision,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}
