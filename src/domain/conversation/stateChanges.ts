import { afterSummary } from "./pathEffects.ts";
import { type ConversationState, initialPathState, type PathState } from "./state.ts";
import { pathStateAt, summarizedFrom, updateFrom } from "./summaryMarks.ts";
import { addNode, leafOf, type NewNode } from "./tree.ts";

/** The steps the fold is made of: each keeps the conversation's path fields equal to its active leaf's. */

/** The path fields of the conversation are those of its active leaf (before the first message: none yet). */
export function synced(state: ConversationState): ConversationState {
  const leafId = leafOf(state.tree);
  const leaf = leafId === null ? undefined : state.tree.nodes.get(leafId);
  if (!leaf) return { ...state, ...initialPathState(), activeLeafId: null };
  return { ...state, ...pathStateAt(state.tree, leaf), activeLeafId: leafId };
}

/**
 * A new message under `parentId` (absent: the active leaf, as every version 1 message; an unknown
 * parent, which the decider never writes, reads the same way). It starts from its parent's state
 * changed by `change`, and becomes the active leaf.
 */
export function addMessage(
  state: ConversationState,
  message: Omit<NewNode, "state" | "revision" | "parentId"> & { parentId: string | null | undefined },
  change: (state: PathState) => PathState,
): ConversationState {
  const known =
    message.parentId === null || (message.parentId !== undefined && state.tree.nodes.has(message.parentId));
  const parentId = known ? (message.parentId as string | null) : state.activeLeafId;
  const parentState =
    parentId === null ? initialPathState() : pathStateAt(state.tree, state.tree.nodes.get(parentId)!);
  const tree = addNode(state.tree, {
    ...message,
    parentId,
    revision: state.revision,
    state: change(parentState),
  });
  return synced({ ...state, tree });
}

/**
 * Applies an event's change to the message it belongs to (absent: the active leaf) and to every
 * message after it, on every branch: each of their paths includes the event.
 */
export function changeFrom(
  state: ConversationState,
  messageId: string | null | undefined,
  change: (state: PathState) => PathState,
  changeAfter: (state: PathState) => PathState = change,
): ConversationState {
  const id = messageId ?? state.activeLeafId;
  if (id === null || !state.tree.nodes.has(id)) return { ...state, ...change(state) };
  return synced({ ...state, tree: updateFrom(state.tree, id, change, changeAfter) });
}

/** A summary belonging to a message (absent: the active leaf), and so to every message after it. */
export function summaryFrom(
  state: ConversationState,
  messageId: string | null | undefined,
  summary: { coversToRevision: number; messageCount: number },
): ConversationState {
  const id = messageId ?? state.activeLeafId;
  if (id === null || !state.tree.nodes.has(id))
    return { ...state, ...afterSummary(state, summary.coversToRevision, summary.messageCount) };
  return synced({ ...state, tree: summarizedFrom(state.tree, id, summary) });
}

/** Remembers a handled request of the person by its client id, so a retry of it writes nothing. */
export function remembered(
  state: ConversationState,
  clientRequestId: string,
  fingerprint: string,
): ConversationState {
  return {
    ...state,
    handledRequests: state.handledRequests.set(clientRequestId, fingerprint),
  };
}

export function requestFingerprint(
  kind: "regenerate" | "edit" | "sibling" | "branch" | "hide" | "unhide",
  messageId: string,
): string {
  return `${kind}:${messageId}`;
}
