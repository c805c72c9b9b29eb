import { DomainError } from "../shared/decider.ts";
import type { ConversationState, PathState } from "./state.ts";
import { pathStateAt } from "./summaryMarks.ts";
import { childrenOf, isOnPath, type MessageNode } from "./tree.ts";

/** Alternatives one message may have (or first messages a conversation may have). */
export const MAX_ALTERNATIVES = 100;

export function requireMessage(state: ConversationState, messageId: string): MessageNode {
  const node = state.tree.nodes.get(messageId);
  if (!node)
    throw new DomainError("MessageNotFound", "NOT_FOUND", "There is no such message in this conversation.");
  return node;
}

export function requireVisible(node: MessageNode): void {
  if (node.hidden)
    throw new DomainError("MessageHidden", "CONFLICT", "This message is hidden; show it again first.");
}

export function requireOnPath(state: ConversationState, node: MessageNode): void {
  if (!isOnPath(state.tree, node.id))
    throw new DomainError(
      "MessageNotOnPath",
      "CONFLICT",
      "This message is not on the conversation as it is shown now; reload it and try again.",
    );
}

/** The tree only changes shape between replies: a reply being written belongs to the path it started on. */
export function requireNoReplyStreaming(state: ConversationState): void {
  if (state.unanswered.some((m) => m.status === "replying"))
    throw new DomainError("ReplyInProgress", "CONFLICT", "Wait until the reply being written is finished.");
}

export function requireRoomForAlternative(state: ConversationState, parentId: string | null): void {
  if (childrenOf(state.tree, parentId).length >= MAX_ALTERNATIVES)
    throw new DomainError(
      "TooManyAlternatives",
      "RATE_LIMITED",
      `A message can have at most ${MAX_ALTERNATIVES} alternatives; continue from one of them.`,
      { limit: MAX_ALTERNATIVES },
    );
}

/** A message or reply id must be new to the conversation. */
export function requireNewMessageId(
  state: ConversationState,
  id: string,
  reason: string,
  what: string,
): void {
  if (state.tree.nodes.has(id))
    throw new DomainError(reason, "CONFLICT", `This ${what} id is taken; use a new id.`);
}

/**
 * True when this client request was handled already (a retry: decide returns no events); a client
 * id used before for a different request is a conflict.
 */
export function isRetriedRequest(
  state: ConversationState,
  clientRequestId: string,
  fingerprint: string,
): boolean {
  const earlier = state.handledRequests.get(clientRequestId);
  if (earlier === undefined) return false;
  if (earlier === fingerprint) return true;
  throw new DomainError(
    "ClientRequestIdReused",
    "CONFLICT",
    "This client request id was already used for a different request; send it with a new id.",
  );
}

/** The message a mood, affinity, image or memory command belongs to (the active leaf unless named), and its state. */
export function causeOf(
  state: ConversationState,
  causedBy: string | undefined,
): { causedBy: string | undefined; at: PathState } {
  if (causedBy === undefined) return { causedBy: state.activeLeafId ?? undefined, at: state };
  return { causedBy, at: pathStateAt(state.tree, requireMessage(state, causedBy)) };
}

/** The `causedBy` field of an event, left out only when the conversation has no message yet. */
export function cause(causedBy: string | undefined): { causedBy?: string } {
  return causedBy === undefined ? {} : { causedBy };
}
