import type { MessagesEvent } from "./events.ts";
import { blankMessage, type MessageRow, type MessageStreamRow } from "./rows.ts";
import type { Place } from "./tree.ts";

/* The rows an event makes from its data alone, once its place in the tree is known. */

type DataOf<T extends MessagesEvent["type"]> = Extract<MessagesEvent, { type: T }>["data"];

export function newStream(stream: string, data: DataOf<"ConversationStarted">): MessageStreamRow {
  return {
    stream_id: stream,
    user_id: data.userId,
    agent_id: data.agentId,
    reply_id: null,
    reply_seq: null,
    failed_replies: [],
    leaf_id: null,
    roots: [],
  };
}

export function userMessage(
  stream: string,
  seq: number,
  data: DataOf<"UserMessageSent">,
  place: Place,
): MessageRow {
  return blankMessage(stream, seq, {
    message_id: data.messageId,
    kind: "user",
    role: "user",
    status: "sent",
    text: data.text,
    client_message_id: data.clientMessageId,
    created_at: data.sentAt,
    ...place,
  });
}

export function declinedNote(
  stream: string,
  seq: number,
  data: DataOf<"ImageRequestDeclined">,
  place: Place,
): MessageRow {
  return blankMessage(stream, seq, {
    message_id: data.requestId,
    kind: "image_declined",
    role: "agent",
    status: "declined",
    in_reply_to: data.inReplyTo,
    decline_reason: data.reason,
    created_at: data.declinedAt,
    ...place,
  });
}

export function initiatedMessage(
  stream: string,
  seq: number,
  data: DataOf<"AgentInitiatedMessage">,
  place: Place,
): MessageRow {
  return blankMessage(stream, seq, {
    message_id: data.messageId,
    kind: "initiated",
    role: "agent",
    status: "sent",
    text: data.text,
    trigger: data.trigger,
    life_event_id: data.lifeEventId ?? null,
    created_at: data.sentAt,
    ...place,
  });
}
