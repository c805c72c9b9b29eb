import type { ResultOf } from "../api/graphql.ts";
import type { ConversationEventsSubscription, MessageFields } from "../api/operations/chat.ts";

export type ServerMessage = ResultOf<typeof MessageFields>;
export type ConversationEvent = ResultOf<typeof ConversationEventsSubscription>["conversationEvents"];
type Mood = Extract<ConversationEvent, { __typename: "StateChanged" }>["mood"];

export interface ChatMessage extends ServerMessage {
  /** Where it sits in the timeline: the revision that created it (a retry keeps the first one). */
  seq: number;
  queuePosition?: number | null;
}

export interface PendingMessage {
  clientMessageId: string;
  text: string;
  /** An image request is sent with its own mutation. */
  request: { kind: "text" } | { kind: "image"; prompt: string | null };
  createdAt: string;
  status: "sending" | "failed";
  error: string | null;
  /** It failed because the server could not be reached, not because the server refused it. */
  unreachable?: boolean;
}

export interface AffinityCue {
  id: number;
  delta: number;
  reason: string;
}

export interface AgentFeeling {
  mood: Mood;
  moodIntensity: number;
  moodReason: string | null;
  affinity: number;
}

/**
 * A path change the shown page does not reflect yet: the newest page is read again until it holds
 * every id of `contains` and none of `absent` (the read model may lag the live events).
 */
export interface PathRefresh {
  version: number;
  contains: readonly string[];
  absent: readonly string[];
}

export interface ConversationModel {
  messages: Readonly<Record<string, ChatMessage>>;
  pending: Readonly<Record<string, PendingMessage>>;
  /** Reply text streaming in, by reply id, piece by index. */
  streams: Readonly<Record<string, readonly string[]>>;
  /** Which message each reply answers, as soon as it is known. */
  replyTargets: Readonly<Record<string, string>>;
  /**
   * Replies stored as completed or failed, or answering a message a path change took off the path:
   * a piece of one that arrives late is not shown.
   */
  finishedReplies: Readonly<Record<string, true>>;
  /** The highest conversation revision applied; resubscribing asks for what came after it. */
  lastRevision: number;
  feeling: AgentFeeling | null;
  typing: boolean;
  cues: readonly AffinityCue[];
  /** Messages hidden from the path since they were loaded (undo brings them back). */
  hidden: Readonly<Record<string, true>>;
  /** The path changed: the newest page is to be read again until it shows the change. */
  refresh: PathRefresh | null;
  /** Counts the path changes seen, so an answer for an older one is not taken. */
  pathVersion: number;
  /** After a path change, the next message of this sort is the one the change made (its siblings come from the server). */
  followNext: "reply" | "message" | null;
}

export const emptyConversation: ConversationModel = {
  messages: {},
  pending: {},
  streams: {},
  replyTargets: {},
  finishedReplies: {},
  lastRevision: -1,
  feeling: null,
  typing: false,
  cues: [],
  hidden: {},
  refresh: null,
  pathVersion: 0,
  followNext: null,
};

/** One entry per thing shown: a reply per message answered (retries replace it), one image per job. */
export function keyOf(message: Pick<ServerMessage, "id" | "kind" | "inReplyTo" | "image">): string {
  if (message.kind === "IMAGE" && message.image) return `image:${message.image.imageJobId}`;
  if (message.kind === "IMAGE_DECLINED" && message.inReplyTo) return `declined:${message.inReplyTo}`;
  if (message.kind === "REPLY" && message.inReplyTo) return `reply:${message.inReplyTo}`;
  return `id:${message.id}`;
}

const RANK: Record<ServerMessage["status"], number> = {
  QUEUED: 1,
  STREAMING: 1,
  RUNNING: 2,
  FAILED: 2,
  SENT: 3,
  COMPLETED: 3,
  SUCCEEDED: 3,
  DECLINED: 3,
};

const rankOf = (message: ChatMessage) =>
  message.kind === "IMAGE" && message.status === "FAILED" ? 3 : RANK[message.status];

/**
 * Merges a message into the timeline, forward only: within an attempt a status never goes back
 * (a replayed "started" cannot undo "completed"), and a later attempt replaces an earlier one.
 * Replays after a reconnect, refetches and live events can therefore arrive in any mix.
 */
export function mergeMessage(
  messages: Readonly<Record<string, ChatMessage>>,
  incoming: ChatMessage,
): Readonly<Record<string, ChatMessage>> {
  const key = keyOf(incoming);
  const existing = messages[key];
  if (!existing) return { ...messages, [key]: incoming };
  // An alternative of the message shown (a replayed regenerated reply) is not a newer attempt of it.
  if (incoming.id !== existing.id && existing.siblingIds?.includes(incoming.id)) return messages;
  const newerAttempt = (incoming.attempt ?? 0) - (existing.attempt ?? 0);
  const older =
    (incoming.kind === "REPLY" && newerAttempt < 0) ||
    (newerAttempt === 0 && rankOf(incoming) < rankOf(existing));
  if (older) {
    // A live-only entry (keyed by its job) still takes the stored message's id and place.
    if (existing.id !== key || incoming.id === key) return messages;
    const adopted = {
      ...existing,
      id: incoming.id,
      cursor: incoming.cursor,
      seq: incoming.seq,
      createdAt: incoming.createdAt,
    };
    return { ...messages, [key]: { ...adopted, inReplyTo: incoming.inReplyTo ?? existing.inReplyTo } };
  }
  const merged: ChatMessage = {
    ...existing,
    ...incoming,
    seq: Math.min(existing.seq, incoming.seq),
    text: incoming.text ?? (incoming.status === "STREAMING" ? null : existing.text),
    image: incoming.image ?? existing.image,
    createdAt: existing.createdAt,
    // Live updates do not know a message's alternatives; the last page read does.
    parentId: incoming.parentId ?? existing.parentId,
    siblingIds: incoming.siblingIds ?? existing.siblingIds,
    siblingIndex: incoming.siblingIndex ?? existing.siblingIndex,
    hiddenReplyId: incoming.hiddenReplyId ?? existing.hiddenReplyId,
  };
  return { ...messages, [key]: merged };
}

export function fromServer(message: ServerMessage): ChatMessage {
  const seq = Number(message.cursor);
  return { ...message, seq: Number.isFinite(seq) ? seq : Number.MAX_SAFE_INTEGER };
}

export function mergeAll(model: ConversationModel, messages: readonly ServerMessage[]): ConversationModel {
  let merged = model.messages;
  const pending = { ...model.pending };
  for (const message of messages) {
    merged = mergeMessage(merged, fromServer(message));
    if (message.clientMessageId) delete pending[message.clientMessageId];
  }
  return { ...model, messages: merged, pending };
}
