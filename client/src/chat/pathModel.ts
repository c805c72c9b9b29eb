import type {
  ChatMessage,
  ConversationEvent,
  ConversationModel,
  PathRefresh,
  ServerMessage,
} from "./conversationModel.ts";
import type { TimelineItem } from "./timeline.ts";

/**
 * The conversation is a tree; the client shows one path of it, the active one. The server tells
 * each message's alternatives (its siblings); a change of path (another alternative chosen, a
 * reply regenerated, a message edited, a branch from an earlier message) cuts the shown path back
 * to what the old and new paths share at once, then reads the newest page of the new path.
 */

const VIAS = ["sibling", "branch", "regenerate", "edit"] as const;
export type PathVia = (typeof VIAS)[number];

/** How the path changed, as the server names it; one this client does not know is read again whole. */
export const pathViaOf = (via: string): PathVia => VIAS.find((known) => known === via) ?? "sibling";

export interface PathChange {
  leafId: string | null;
  previousLeafId: string | null;
  via: PathVia;
  messageId: string;
}

/** Where a message sits among its alternatives, as the server says (null on images and notes, and live). */
export type TreePlace = Pick<ServerMessage, "parentId" | "siblingIds" | "siblingIndex">;

export interface Siblings {
  index: number;
  count: number;
  previousId: string | null;
  nextId: string | null;
}

/** "‹ 2/3 ›": a message's place among its alternatives, or null when it has none. */
export function siblingsOf(message: Pick<ChatMessage, "id" | "siblingIds">): Siblings | null {
  const ids = message.siblingIds ?? [];
  const index = ids.indexOf(message.id);
  if (ids.length < 2 || index < 0) return null;
  return {
    index,
    count: ids.length,
    previousId: ids[index - 1] ?? null,
    nextId: ids[index + 1] ?? null,
  };
}

const NODE_KINDS = new Set<ChatMessage["kind"]>(["USER", "REPLY", "INITIATED"]);
export const isTreeNode = (message: Pick<ChatMessage, "kind">) => NODE_KINDS.has(message.kind);

function find(model: ConversationModel, match: (message: ChatMessage) => boolean): ChatMessage | null {
  return Object.values(model.messages).find(match) ?? null;
}

/** The messages kept when the path changes: those before `below` (by place in the conversation). */
function cutBelow(model: ConversationModel, change: PathChange): number {
  if (change.via === "sibling") {
    const shown = find(
      model,
      (m) => m.id === change.messageId || (m.siblingIds ?? []).includes(change.messageId),
    );
    return shown ? shown.seq : Number.NEGATIVE_INFINITY;
  }
  if (change.leafId === null) return Number.NEGATIVE_INFINITY;
  const leaf = find(model, (m) => m.id === change.leafId);
  return leaf ? leaf.seq + 0.25 : Number.NEGATIVE_INFINITY;
}

function expectationOf(change: PathChange): Pick<PathRefresh, "contains" | "absent"> {
  const leaf = change.leafId === null ? [] : [change.leafId];
  const previous =
    change.previousLeafId === null || change.previousLeafId === change.leafId ? [] : [change.previousLeafId];
  switch (change.via) {
    case "sibling":
      return { contains: leaf, absent: [] };
    case "branch":
      return { contains: leaf, absent: previous };
    case "regenerate":
    case "edit":
      return { contains: leaf, absent: [change.messageId, ...previous] };
    default:
      return change.via satisfies never;
  }
}

const FOLLOW: Record<PathVia, ConversationModel["followNext"]> = {
  sibling: null,
  branch: "message",
  regenerate: "reply",
  edit: "message",
};

function requestRefresh(model: ConversationModel, expected: Pick<PathRefresh, "contains" | "absent">) {
  const version = (model.refresh?.version ?? model.pathVersion) + 1;
  const contains = expected.contains.filter((id) => !model.hidden[id]);
  const absent = [...new Set(expected.absent)];
  return { ...model, pathVersion: version, refresh: { version, contains, absent } };
}

/**
 * Cuts the shown path back to what the new one shares with it and asks for the new one's newest
 * page. A change replayed from before the page was read (`seen`) is only checked against the server.
 */
export function applyPathChange(
  model: ConversationModel,
  change: PathChange,
  seen = false,
): ConversationModel {
  if (seen) return requestRefresh(model, expectationOf(change));
  const below = cutBelow(model, change);
  const messages: Record<string, ChatMessage> = {};
  const removed = new Set<string>();
  for (const [key, message] of Object.entries(model.messages))
    if (message.seq < below) messages[key] = message;
    else removed.add(message.id);
  // A reply to a message the path left is not shown on it; one never stored (the path moved before
  // it could be) would otherwise stream on for good, since nothing ends it but its own pieces.
  const leftBehind = Object.keys(model.replyTargets).filter((id) => removed.has(model.replyTargets[id]!));
  for (const id of leftBehind) removed.add(id);
  const streams = Object.fromEntries(Object.entries(model.streams).filter(([id]) => !removed.has(id)));
  const finishedReplies = { ...model.finishedReplies };
  for (const id of leftBehind) finishedReplies[id] = true;
  const cut = { ...model, messages, streams, finishedReplies, followNext: FOLLOW[change.via] };
  return requestRefresh(cut, expectationOf(change));
}

/**
 * A message made by the last path change arrived live: the server's next page gives its
 * alternatives (a regenerated reply's, an edited message's, the siblings a branch opens beside).
 */
export function followNewMessage(
  model: ConversationModel,
  sort: "reply" | "message",
  id: string,
): ConversationModel {
  if (model.followNext !== sort) return model;
  const absent = model.refresh?.absent ?? [];
  return { ...requestRefresh(model, { contains: [id], absent }), followNext: null };
}

function flagHidden(model: ConversationModel, id: string, hidden: boolean) {
  const entry = Object.entries(model.messages).find(([, m]) => m.id === id);
  if (!entry || entry[1].hidden === hidden) return model.messages;
  return { ...model.messages, [entry[0]]: { ...entry[1], hidden } };
}

export function hideShown(model: ConversationModel, id: string): ConversationModel {
  return { ...model, messages: flagHidden(model, id, true), hidden: { ...model.hidden, [id]: true } };
}

/** Shows a hidden message again; one not loaded comes with the newest page. */
export function unhideShown(model: ConversationModel, id: string): ConversationModel {
  const { [id]: _, ...hidden } = model.hidden;
  const loaded = find(model, (m) => m.id === id) !== null;
  const shown = { ...model, messages: flagHidden(model, id, false), hidden };
  return loaded ? shown : requestRefresh(shown, { contains: [id], absent: [] });
}

/**
 * The reply a "regenerate" button goes on: the newest shown reply, once complete (a failed one has
 * Retry). Not while a message of the person's is being sent, or a reply streams in before its
 * message: that reply is no longer the newest, and writing it again would leave the message behind.
 * A message that failed to send ("Not sent") is not on its way: the server has not seen it, and
 * Retry sends it after whichever reply is newest then.
 */
export function regenerableReplyId(items: readonly TimelineItem[]) {
  const underWay = items.some(
    (item) => item.type === "stream" || (item.type === "pending" && item.pending.status === "sending"),
  );
  if (underWay) return null;
  const last = items
    .flatMap((item) => (item.type === "message" ? [item.message] : []))
    .filter(isTreeNode)
    .at(-1);
  return last?.kind === "REPLY" && last.status === "COMPLETED" ? last.id : null;
}

type TreeEvent = Extract<ConversationEvent, { __typename: "PathChanged" | "MessageVisibilityChanged" }>;

/** A change of path takes the new path's mood and affinity too, unless it was seen before. */
export function applyTreeEvent(
  model: ConversationModel,
  event: TreeEvent,
  fresh: boolean,
): ConversationModel {
  if (event.__typename === "MessageVisibilityChanged")
    return event.hidden ? hideShown(model, event.hiddenMessageId) : unhideShown(model, event.hiddenMessageId);
  const change = {
    leafId: event.leafId,
    previousLeafId: event.previousLeafId,
    via: pathViaOf(event.via),
    messageId: event.pathMessageId,
  };
  const changed = applyPathChange(model, change, !fresh);
  if (!fresh) return changed;
  const { mood, moodIntensity, affinity } = event;
  return { ...changed, feeling: { mood, moodIntensity, moodReason: null, affinity } };
}
