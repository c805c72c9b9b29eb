import { Map as ImmutableMap, List } from "immutable";
import type { PathState } from "./pathState.ts";

/**
 * The conversation as a tree of messages (as Open WebUI keeps a chat: each message knows its
 * parent and children, and the visible conversation is the path from a root to the active leaf).
 * Persistent collections keep every operation here pure and cheap: adding a message or choosing a
 * branch costs the length of the branch that changes, not the size of the conversation.
 */

/** `user` a person's message; `reply` the agent's answer to one; `initiated` a message the agent started. */
export type MessageKind = "user" | "reply" | "initiated";

/** user and initiated: `sent`; reply: `streaming` → `completed` | `failed` (a retry streams again). */
export type MessageStatus = "sent" | "streaming" | "completed" | "failed";

export interface MessageNode {
  id: string;
  /** The message this one follows; null for a first message (a root). */
  parentId: string | null;
  kind: MessageKind;
  /** Roots are at depth 0: the index of the message on any path through it. */
  depth: number;
  /** Stream revision of the event that created the message. */
  revision: number;
  /** For a reply, the user message it answers (it need not be its parent when messages were stacked). */
  inReplyTo: string | null;
  status: MessageStatus;
  hidden: boolean;
  /** Ids of the messages that follow this one, oldest first: the alternatives of each other. */
  children: readonly string[];
  /** The child the active path last went through, so a branch opens where it was left. */
  activeChildId: string | null;
  /**
   * The path state right after this message as last written: a summary of an earlier message on
   * its path may have come since (`ConversationTree.summaryMarks`), so read it with `pathStateAt`.
   */
  state: PathState;
  /** `ConversationTree.marksMade` when `state` was written: the marks numbered from here on may apply. */
  marksSeen: number;
}

/**
 * A summary of a message that had messages after it already: each of those takes the summary
 * when its state is read, instead of every one of them being written again.
 */
export interface SummaryMark {
  messageId: string;
  depth: number;
  /** Marks are numbered in the order they were made. */
  number: number;
  coversToRevision: number;
  messageCount: number;
}

export interface ConversationTree {
  nodes: ImmutableMap<string, MessageNode>;
  /** The active path, oldest first; `path.get(n.depth) === n.id` exactly when n is on it. */
  path: List<string>;
  /** The first messages, oldest first: alternatives of each other. */
  roots: readonly string[];
  /** Summaries not yet written into the states of the messages after them, oldest first. */
  summaryMarks: readonly SummaryMark[];
  /** How many summary marks this tree has ever made. */
  marksMade: number;
}

/** Shared by every message without children yet: most of them. */
const NO_CHILDREN: readonly string[] = Object.freeze([]);

export function emptyTree(): ConversationTree {
  return { nodes: ImmutableMap(), path: List(), roots: [], summaryMarks: [], marksMade: 0 };
}

export function authorOf(kind: MessageKind): "user" | "agent" {
  return kind === "user" ? "user" : "agent";
}

export function leafOf(tree: ConversationTree): string | null {
  return tree.path.last() ?? null;
}

export function isOnPath(tree: ConversationTree, id: string): boolean {
  const node = tree.nodes.get(id);
  return node !== undefined && tree.path.get(node.depth) === id;
}

export function childrenOf(tree: ConversationTree, parentId: string | null): readonly string[] {
  return parentId === null ? tree.roots : (tree.nodes.get(parentId)?.children ?? []);
}

/** The leaf a branch opens at: down from `id` through the children the path last went through. */
export function branchLeaf(tree: ConversationTree, id: string): string {
  let current = id;
  for (;;) {
    const next = tree.nodes.get(current)?.activeChildId ?? null;
    if (next === null) return current;
    current = next;
  }
}

export type NewNode = Pick<
  MessageNode,
  "id" | "parentId" | "kind" | "revision" | "inReplyTo" | "status" | "state"
>;

/** Adds a message under its parent (a root when the parent is null) and makes it the active leaf. */
export function addNode(tree: ConversationTree, node: NewNode): ConversationTree {
  const parent = node.parentId === null ? null : tree.nodes.get(node.parentId);
  if (parent === undefined)
    throw new Error(`message ${node.id} follows the unknown message ${node.parentId}`);
  const full: MessageNode = {
    ...node,
    depth: parent ? parent.depth + 1 : 0,
    hidden: false,
    children: NO_CHILDREN,
    activeChildId: null,
    marksSeen: tree.marksMade,
  };
  const nodes = tree.nodes.withMutations((m) => {
    m.set(node.id, full);
    if (parent) m.set(parent.id, { ...parent, children: [...parent.children, node.id] });
  });
  const roots = parent ? tree.roots : [...tree.roots, node.id];
  return moveLeaf({ ...tree, nodes, roots }, node.id);
}

/**
 * Makes `leafId` the end of the active path (null: before the first message): the path keeps what
 * it shares with the new branch, and each message on the new part remembers it as the way the
 * path went.
 */
export function moveLeaf(tree: ConversationTree, leafId: string | null): ConversationTree {
  if (leafId === null) return { ...tree, path: tree.path.clear() };
  const added: string[] = [];
  let shared: string | null = leafId;
  while (shared !== null && !isOnPath(tree, shared)) {
    added.push(shared);
    shared = requireNode(tree, shared).parentId;
  }
  added.reverse();
  const keep = shared === null ? 0 : requireNode(tree, shared).depth + 1;
  const nodes = tree.nodes.withMutations((m) => {
    let previous = shared;
    for (const next of added) {
      if (previous !== null) m.set(previous, { ...m.get(previous)!, activeChildId: next });
      previous = next;
    }
    const leaf = m.get(leafId)!;
    if (leaf.activeChildId !== null) m.set(leafId, { ...leaf, activeChildId: null });
  });
  return { ...tree, nodes, path: tree.path.setSize(keep).push(...added) };
}

export function patchNode(
  tree: ConversationTree,
  id: string,
  patch: Partial<Pick<MessageNode, "status" | "hidden">>,
): ConversationTree {
  const node = tree.nodes.get(id);
  return node ? { ...tree, nodes: tree.nodes.set(id, { ...node, ...patch }) } : tree;
}

/** Gives a message a new id in place: same parent, place among its siblings, children and path. */
export function renameNode(tree: ConversationTree, oldId: string, newId: string): ConversationTree {
  const node = requireNode(tree, oldId);
  const rename = (id: string) => (id === oldId ? newId : id);
  const nodes = tree.nodes.withMutations((m) => {
    m.delete(oldId);
    m.set(newId, { ...node, id: newId });
    if (node.parentId !== null) {
      const parent = m.get(node.parentId)!;
      m.set(parent.id, {
        ...parent,
        children: parent.children.map(rename),
        activeChildId: parent.activeChildId === null ? null : rename(parent.activeChildId),
      });
    }
    for (const child of node.children) m.set(child, { ...m.get(child)!, parentId: newId });
  });
  return {
    nodes,
    path: isOnPath(tree, oldId) ? tree.path.set(node.depth, newId) : tree.path,
    roots: node.parentId === null ? tree.roots.map(rename) : tree.roots,
    summaryMarks: tree.summaryMarks.some((mark) => mark.messageId === oldId)
      ? tree.summaryMarks.map((mark) => ({ ...mark, messageId: rename(mark.messageId) }))
      : tree.summaryMarks,
    marksMade: tree.marksMade,
  };
}

function requireNode(tree: ConversationTree, id: string): MessageNode {
  const node = tree.nodes.get(id);
  if (!node) throw new Error(`unknown message ${id}`);
  return node;
}
