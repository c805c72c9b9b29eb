import type { ConversationState, PathState } from "./state.ts";
import { childrenOf, isOnPath, type MessageNode } from "./tree.ts";

/**
 * Questions the application asks about the tree. All are pure and cost the size of what they
 * return (or a lookup), never the size of the conversation.
 */

export type { MessageKind, MessageNode, MessageStatus } from "./tree.ts";
export { authorOf, branchLeaf } from "./tree.ts";

/** A message of the conversation, on any branch, with its place in the tree and the state after it. */
export function findMessage(state: ConversationState, messageId: string): MessageNode | undefined {
  return state.tree.nodes.get(messageId);
}

/** Ids on the active path, oldest first, hidden messages included (they stay part of the path). */
export function activePath(state: ConversationState): string[] {
  return state.tree.path.toArray();
}

/** Ids on the active path that the person sees and the agent is given, oldest first. */
export function visibleActivePath(state: ConversationState): string[] {
  return state.tree.path.filter((id) => !state.tree.nodes.get(id)?.hidden).toArray();
}

export function isOnActivePath(state: ConversationState, messageId: string): boolean {
  return isOnPath(state.tree, messageId);
}

/**
 * The alternatives a message is one of (its parent's children, or the first messages), oldest
 * first, and its index among them. Hidden alternatives are left out unless asked for, so a hidden
 * message itself has index -1 there. Null for an unknown message.
 */
export function siblingsOf(
  state: ConversationState,
  messageId: string,
  options: { includeHidden?: boolean } = {},
): { ids: string[]; index: number } | null {
  const node = state.tree.nodes.get(messageId);
  if (!node) return null;
  const all = childrenOf(state.tree, node.parentId);
  const ids = options.includeHidden ? [...all] : all.filter((id) => !state.tree.nodes.get(id)?.hidden);
  return { ids, index: ids.indexOf(messageId) };
}

/** The state of the path right after a message: what the agent felt and owed when that message was the leaf. */
export function stateAt(state: ConversationState, messageId: string): PathState | null {
  return state.tree.nodes.get(messageId)?.state ?? null;
}

/**
 * The path from the first message to `messageId`, oldest first (the history a reply to it sees);
 * `last` keeps only that many of the latest. Empty for an unknown message.
 */
export function pathTo(
  state: ConversationState,
  messageId: string,
  options: { last?: number } = {},
): string[] {
  const node = state.tree.nodes.get(messageId);
  if (!node) return [];
  const length = Math.min(node.depth + 1, options.last ?? Number.POSITIVE_INFINITY);
  if (isOnPath(state.tree, messageId))
    return state.tree.path.slice(node.depth + 1 - length, node.depth + 1).toArray();
  const ids: string[] = [];
  for (let id: string | null = messageId; id !== null && ids.length < length; ) {
    ids.push(id);
    id = state.tree.nodes.get(id)?.parentId ?? null;
  }
  return ids.reverse();
}

/**
 * True when `id` is `messageId` or a message before it on its path, and not hidden: part of what
 * a reply to `messageId` was given. A lookup when `messageId` is on the active path; otherwise the
 * walk from it back to `id`'s depth.
 */
export function isVisibleOnPathTo(state: ConversationState, messageId: string, id: string): boolean {
  return visibleOnPathTo(state, messageId)(id) !== undefined;
}

/**
 * `isVisibleOnPathTo` for many ids against one message, which is looked up once: each id then
 * costs a lookup and, on the active path, one more. Answers the id's message when it is visible.
 */
export function visibleOnPathTo(
  state: ConversationState,
  messageId: string,
): (id: string) => MessageNode | undefined {
  const { nodes, path } = state.tree;
  const last = nodes.get(messageId);
  const lastOnPath = last !== undefined && path.get(last.depth) === messageId;
  // Off the active path, the walk back from `messageId` is remembered (depth to id) as it goes:
  // the ids of a long stretch of the log asked in turn walk the path once, not once each.
  const walked = new Map<number, string>();
  let walkedTo: MessageNode | undefined = last;
  if (last) walked.set(last.depth, last.id);
  return (id) => {
    const node = nodes.get(id);
    if (!node || !last || node.hidden || node.depth > last.depth) return undefined;
    if (lastOnPath) return path.get(node.depth) === id ? node : undefined;
    while (walkedTo && walkedTo.depth > node.depth) {
      walkedTo = walkedTo.parentId === null ? undefined : nodes.get(walkedTo.parentId);
      if (walkedTo) walked.set(walkedTo.depth, walkedTo.id);
    }
    return walked.get(node.depth) === id ? node : undefined;
  };
}

/**
 * The last `count` messages of the path to `messageId` that `keep` accepts, oldest first, read
 * backwards from it, so the cost is what is kept (and skipped), never the length of the path.
 * `messageId` itself is always last.
 */
export function recentPathTo(
  state: ConversationState,
  messageId: string,
  count: number,
  keep: (node: MessageNode) => boolean,
): string[] {
  const ids = [messageId];
  let id = state.tree.nodes.get(messageId)?.parentId ?? null;
  while (id !== null && ids.length < count) {
    const node = state.tree.nodes.get(id);
    if (!node) break;
    if (keep(node)) ids.push(id);
    id = node.parentId;
  }
  return ids.reverse();
}

/** The path to `messageId` without its hidden messages: what a reply to it was given. */
export function visiblePathTo(state: ConversationState, messageId: string): string[] {
  return pathTo(state, messageId).filter((id) => !state.tree.nodes.get(id)?.hidden);
}
