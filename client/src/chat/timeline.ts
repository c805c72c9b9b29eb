import type { ChatMessage, ConversationModel, PendingMessage, ServerMessage } from "./conversationModel.ts";

const KIND_ORDER: Record<ServerMessage["kind"], number> = {
  USER: 0,
  INITIATED: 0,
  REPLY: 1,
  IMAGE_DECLINED: 2,
  IMAGE: 3,
};

export type TimelineItem =
  | { type: "message"; key: string; message: ChatMessage; streamed: string | null }
  | { type: "pending"; key: string; pending: PendingMessage }
  | { type: "stream"; key: string; replyId: string; text: string };

/** What the conversation shows, oldest first: messages, then sends under way, then orphan streams. */
export function timeline(model: ConversationModel): TimelineItem[] {
  const messages = Object.entries(model.messages)
    .filter(([, m]) => !model.hidden[m.id] && !m.hidden)
    .sort(
      ([, a], [, b]) =>
        a.seq - b.seq || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.createdAt.localeCompare(b.createdAt),
    );
  const shownIds = new Set(messages.map(([, m]) => m.id));
  const sentIds = new Set(messages.map(([, m]) => m.clientMessageId).filter(Boolean));
  const items: TimelineItem[] = messages.map(([key, message]) => ({
    type: "message",
    key,
    message,
    streamed: message.status === "STREAMING" ? (model.streams[message.id]?.join("") ?? "") : null,
  }));
  for (const pending of Object.values(model.pending).sort((a, b) => a.createdAt.localeCompare(b.createdAt)))
    if (!sentIds.has(pending.clientMessageId))
      items.push({ type: "pending", key: `pending:${pending.clientMessageId}`, pending });
  for (const [replyId, pieces] of Object.entries(model.streams))
    if (!shownIds.has(replyId))
      items.push({ type: "stream", key: `stream:${replyId}`, replyId, text: pieces.join("") });
  return items;
}
