import type { MessageKind, MessageRow, MessageStatus } from "./rows.ts";

/** A message as the API shows it. */
export interface MessageView {
  /** Position in the conversation; pages are cut by it. */
  seq: number;
  cursor: string;
  messageId: string;
  kind: MessageKind;
  role: "user" | "agent";
  /** Null while a reply streams, for images and for notes. */
  text: string | null;
  status: MessageStatus;
  clientMessageId: string | null;
  inReplyTo: string | null;
  attempt: number | null;
  failureReason: string | null;
  retryable: boolean | null;
  trigger: string | null;
  lifeEventId: string | null;
  image: {
    imageJobId: string;
    url: string | null;
    width: number | null;
    height: number | null;
    prompt: string | null;
  } | null;
  declineReason: string | null;
  createdAt: string;
  updatedAt: string;
  parentId: string | null;
  onPath: boolean;
  hidden: boolean;
}

export function toMessageView(row: MessageRow): MessageView {
  return {
    seq: row.seq,
    cursor: String(row.seq),
    messageId: row.message_id,
    kind: row.kind,
    role: row.role,
    text: row.text,
    status: row.status,
    clientMessageId: row.client_message_id,
    inReplyTo: row.in_reply_to,
    attempt: row.attempt,
    failureReason: row.failure_reason,
    retryable: row.retryable,
    trigger: row.trigger,
    lifeEventId: row.life_event_id,
    image: row.image_job_id
      ? {
          imageJobId: row.image_job_id,
          url: row.image_url,
          width: row.image_width,
          height: row.image_height,
          prompt: row.image_prompt,
        }
      : null,
    declineReason: row.decline_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    parentId: row.parent_id,
    onPath: row.on_path,
    hidden: row.hidden,
  };
}
