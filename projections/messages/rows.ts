import { z } from "zod";
import { instant, rowTable } from "../runner/rowTables.ts";

/**
 * `user` a person's message; `reply` the agent's answer; `initiated` a message the agent started;
 * `image` a picture the agent sends (granted request, following its image job); `image_declined`
 * a short note in the timeline that a picture was asked for and not sent, with the reason.
 */
export const MESSAGE_KINDS = ["user", "reply", "initiated", "image", "image_declined"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * user and initiated: `sent`; reply: `streaming` → `completed` | `failed` (a retry turns the same
 * row back to `streaming`); image: `queued` → `running` → `succeeded` | `failed`; note: `declined`.
 */
export const MESSAGE_STATUSES = [
  "sent",
  "streaming",
  "completed",
  "failed",
  "queued",
  "running",
  "succeeded",
  "declined",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const messageRow = z.object({
  stream_id: z.string(),
  /** Revision of the event that created the message: increases along the conversation. */
  seq: z.number(),
  message_id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  role: z.enum(["user", "agent"]),
  text: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  client_message_id: z.string().nullable(),
  in_reply_to: z.string().nullable(),
  attempt: z.number().nullable(),
  failure_reason: z.string().nullable(),
  retryable: z.boolean().nullable(),
  trigger: z.string().nullable(),
  life_event_id: z.string().nullable(),
  image_job_id: z.string().nullable(),
  image_url: z.string().nullable(),
  image_width: z.number().nullable(),
  image_height: z.number().nullable(),
  image_prompt: z.string().nullable(),
  decline_reason: z.string().nullable(),
  created_at: instant,
  updated_at: instant,
  /** The message it follows in the tree; null for a first message, and for images and notes. */
  parent_id: z.string().nullable(),
  /** On the conversation's active path (images and notes: with the reply whose turn made them). */
  on_path: z.boolean(),
  hidden: z.boolean(),
});
export type MessageRow = z.output<typeof messageRow>;

/**
 * Who a conversation stream belongs to (only `ConversationStarted` says so), the reply under way
 * or last finished (one at a time in a conversation), and the rows of failed replies a retry takes
 * over, as [user message id, seq] pairs, oldest first and at most `KEPT_FAILED_REPLIES`.
 */
export type MessageStreamRow = {
  stream_id: string;
  user_id: string;
  agent_id: string;
  reply_id: string | null;
  reply_seq: number | null;
  failed_replies: [string, number][];
  /** The end of the active path; null before the first message. */
  leaf_id: string | null;
  /** The first messages, oldest first (alternatives of each other once one is edited). */
  roots: string[];
};

/**
 * A message of the tree (a person's message, a reply, a message the agent started): its parent,
 * depth and place among its siblings, its row in `messages` and the image rows its turn produced.
 */
export type MessageTreeRow = {
  stream_id: string;
  node_id: string;
  parent_id: string | null;
  depth: number;
  seq: number;
  sibling_index: number;
  children: string[];
  image_seqs: number[];
  on_path: boolean;
  hidden: boolean;
};

/** As many as a person may leave unanswered: older failures can no longer be retried. */
export const KEPT_FAILED_REPLIES = 20;

/** An image job of a granted request: its progress so far, and the message it shows in once known. */
export type MessageImageJobRow = {
  image_job_id: string;
  stream_id: string | null;
  seq: number | null;
  status: "queued" | "running" | "succeeded" | "failed";
  attempt: number | null;
  url: string | null;
  width: number | null;
  height: number | null;
  failure_reason: string | null;
  retryable: boolean | null;
  updated_at: string | null;
};

export const messages = rowTable<MessageRow>("messages");
export const messageStreams = rowTable<MessageStreamRow>("message_streams");
export const messageImageJobs = rowTable<MessageImageJobRow>("message_image_jobs");
export const messageTree = rowTable<MessageTreeRow>("message_tree");

/** A new message row with every column; callers fill in what their kind uses. */
export function blankMessage(
  streamId: string,
  seq: number,
  fields: Pick<MessageRow, "message_id" | "kind" | "role" | "status" | "created_at"> & Partial<MessageRow>,
): MessageRow {
  return {
    stream_id: streamId,
    seq,
    text: null,
    client_message_id: null,
    in_reply_to: null,
    attempt: null,
    failure_reason: null,
    retryable: null,
    trigger: null,
    life_event_id: null,
    image_job_id: null,
    image_url: null,
    image_width: null,
    image_height: null,
    image_prompt: null,
    decline_reason: null,
    updated_at: fields.created_at,
    parent_id: null,
    on_path: true,
    hidden: false,
    ...fields,
  };
}
