import { afterSummary } from "./pathEffects.ts";
import type { PathState } from "./pathState.ts";
import { type ConversationTree, isOnPath, type MessageNode } from "./tree.ts";

/**
 * A summary changes the state of its message and of every message after it. Catching up on a
 * long history (an imported chat) summarizes old messages, each with most of the history after
 * it: writing all of those states again for every summary costs work in the history's length
 * times the number of summaries. A summary of a message with messages after it is kept as a
 * mark instead, which each later message takes when its state is read; summaries compose, so
 * the marks give the same states the writes would.
 */

/** Marks kept before they are written into the states of the messages after them. */
export const MARKS_KEPT = 256;

/** The path state right after `node`: as written, with the summaries made since of messages before it. */
export function pathStateAt(tree: ConversationTree, node: MessageNode): PathState {
  const marks = tree.summaryMarks;
  let first = marks.length;
  while (first > 0 && marks[first - 1]!.number >= node.marksSeen) first--;
  let state = node.state;
  for (let i = first; i < marks.length; i++) {
    const mark = marks[i]!;
    if (mark.depth < node.depth && follows(tree, node, mark.messageId, mark.depth))
      state = afterSummary(state, mark.coversToRevision, mark.messageCount);
  }
  return state;
}

/** Whether the message `ancestorId`, at `depth`, is on the path to `node`. */
function follows(tree: ConversationTree, node: MessageNode, ancestorId: string, depth: number): boolean {
  let current = node;
  while (current.depth > depth && !isOnPath(tree, current.id)) current = tree.nodes.get(current.parentId!)!;
  if (current.depth === depth) return current.id === ancestorId;
  return tree.path.get(depth) === ancestorId;
}

/**
 * Changes the path state of a message (`change`) and of every message after it, on every branch
 * (`changeAfter`, the same change unless it must be put differently there).
 */
export function updateFrom(
  tree: ConversationTree,
  id: string,
  change: (state: PathState) => PathState,
  changeAfter: (state: PathState) => PathState = change,
): ConversationTree {
  const nodes = tree.nodes.withMutations((m) => {
    const pending = [id];
    while (pending.length > 0) {
      const node = m.get(pending.pop()!);
      if (!node) continue;
      const state = (node.id === id ? change : changeAfter)(pathStateAt(tree, node));
      m.set(node.id, { ...node, state, marksSeen: tree.marksMade });
      pending.push(...node.children);
    }
  });
  return { ...tree, nodes };
}

/** A summary belonging to message `id`: written into its state, marked for the messages after it. */
export function summarizedFrom(
  tree: ConversationTree,
  id: string,
  summary: { coversToRevision: number; messageCount: number },
): ConversationTree {
  const node = tree.nodes.get(id)!;
  const { coversToRevision, messageCount } = summary;
  const state = afterSummary(pathStateAt(tree, node), coversToRevision, messageCount);
  const nodes = tree.nodes.set(id, { ...node, state, marksSeen: tree.marksMade });
  if (node.children.length === 0) return { ...tree, nodes };
  const mark = { messageId: id, depth: node.depth, number: tree.marksMade, coversToRevision, messageCount };
  const marked = {
    ...tree,
    nodes,
    summaryMarks: [...tree.summaryMarks, mark],
    marksMade: tree.marksMade + 1,
  };
  return marked.summaryMarks.length > MARKS_KEPT ? withMarksWritten(marked) : marked;
}

/** The tree with every mark written into the states it changes, and none left. */
export function withMarksWritten(tree: ConversationTree): ConversationTree {
  if (tree.summaryMarks.length === 0) return tree;
  const nodes = tree.nodes.withMutations((m) => {
    for (const node of tree.nodes.values()) {
      const state = pathStateAt(tree, node);
      if (state !== node.state) m.set(node.id, { ...node, state, marksSeen: tree.marksMade });
    }
  });
  return { ...tree, nodes, summaryMarks: [] };
}
