import { DomainError } from "../shared/decider.ts";
import type { BranchFrom, ChooseSibling, EditMessage, RegenerateReply } from "./commands.ts";
import type { ConversationEvent } from "./events.ts";
import { checkMessageText, findMessageByClientId, isRetriedSend, MAX_UNANSWERED } from "./messages.ts";
import { isReplyIdTaken } from "./replies.ts";
import { awaitingReplies, type ConversationState, initialPathState } from "./state.ts";
import { requestFingerprint } from "./stateChanges.ts";
import { pathStateAt } from "./summaryMarks.ts";
import { branchLeaf, isOnPath } from "./tree.ts";
import {
  isRetriedRequest,
  requireMessage,
  requireNewMessageId,
  requireNoReplyStreaming,
  requireOnPath,
  requireRoomForAlternative,
  requireVisible,
} from "./treeRules.ts";

/**
 * A new reply beside a finished one on the path: the path goes back to their parent, and the new
 * reply starts there, answering the same user message. A hidden reply can be written again too
 * (it stays hidden): that is how a message whose only reply the person hid gets a new answer.
 */
export function regenerateReply(command: RegenerateReply, state: ConversationState): ConversationEvent[] {
  if (isRetriedRequest(state, command.clientRequestId, requestFingerprint("regenerate", command.replyId)))
    return [];
  const reply = requireMessage(state, command.replyId);
  if (reply.kind !== "reply" || reply.inReplyTo === null)
    throw new DomainError(
      "NotAReply",
      "BAD_USER_INPUT",
      reply.kind === "user"
        ? "Only the agent's replies can be regenerated; edit your own message instead."
        : "Only a reply to your message can be regenerated.",
    );
  requireOnPath(state, reply);
  if (requireMessage(state, reply.inReplyTo).hidden)
    throw new DomainError(
      "MessageHidden",
      "CONFLICT",
      "The message this reply answers is hidden; show it again first.",
    );
  requireNoReplyStreaming(state);
  if (reply.status === "failed")
    throw new DomainError("ReplyFailed", "CONFLICT", "This reply failed; retry it instead.");
  if (isReplyIdTaken(state, command.newReplyId))
    throw new DomainError("ReplyIdTaken", "CONFLICT", "This reply id is taken; use a new id.");
  requireRoomForAlternative(state, reply.parentId);
  return [
    pathChanged(state, reply.parentId, "regenerate", reply.id, command),
    {
      type: "AgentReplyStarted",
      data: {
        replyId: command.newReplyId,
        inReplyTo: reply.inReplyTo,
        attempt: 1,
        startedAt: command.now,
        parentId: reply.parentId,
        regenerates: reply.id,
      },
    },
  ];
}

/**
 * A new user message beside one on the path: the path goes back to their parent, and the new
 * message follows it there and waits for its own reply.
 */
export function editMessage(command: EditMessage, state: ConversationState): ConversationEvent[] {
  const text = checkMessageText(command.text);
  if (isRetriedSend(findMessageByClientId(state, command.clientMessageId), text, command.messageId))
    return [];
  const original = requireMessage(state, command.messageId);
  if (original.kind !== "user")
    throw new DomainError(
      "AgentMessageNotEditable",
      "BAD_USER_INPUT",
      "Only your own messages can be edited; regenerate the agent's reply instead.",
    );
  requireOnPath(state, original);
  requireVisible(original);
  requireNoReplyStreaming(state);
  requireNewMessageId(state, command.newMessageId, "MessageIdTaken", "message");
  requireRoomForAlternative(state, original.parentId);
  const before =
    original.parentId === null
      ? 0
      : pathStateAt(state.tree, requireMessage(state, original.parentId)).unanswered.length;
  if (before >= MAX_UNANSWERED)
    throw new DomainError(
      "TooManyUnansweredMessages",
      "RATE_LIMITED",
      "Wait for a reply before sending more messages.",
    );
  return [
    pathChanged(state, original.parentId, "edit", original.id, {
      clientRequestId: command.clientMessageId,
      now: command.now,
    }),
    {
      type: "UserMessageSent",
      data: {
        messageId: command.newMessageId,
        clientMessageId: command.clientMessageId,
        text,
        sentAt: command.now,
        parentId: original.parentId,
        edits: original.id,
      },
    },
  ];
}

/** Shows an alternative of a message on the path, opening its branch where it was last left. */
export function chooseSibling(command: ChooseSibling, state: ConversationState): ConversationEvent[] {
  if (isRetriedRequest(state, command.clientRequestId, requestFingerprint("sibling", command.messageId)))
    return [];
  const chosen = requireMessage(state, command.messageId);
  if (chosen.parentId !== null && !isOnPath(state.tree, chosen.parentId))
    throw new DomainError(
      "NotASibling",
      "CONFLICT",
      "This message is not an alternative of one shown now; reload the conversation and choose again.",
    );
  requireVisible(chosen);
  if (isOnPath(state.tree, chosen.id)) return [];
  requireNoReplyStreaming(state);
  return [pathChanged(state, branchLeaf(state.tree, chosen.id), "sibling", chosen.id, command)];
}

/** Continues the conversation from any of its messages: the path ends there and new messages follow it. */
export function branchFrom(command: BranchFrom, state: ConversationState): ConversationEvent[] {
  if (isRetriedRequest(state, command.clientRequestId, requestFingerprint("branch", command.messageId)))
    return [];
  const target = requireMessage(state, command.messageId);
  requireVisible(target);
  if (state.activeLeafId === target.id) return [];
  requireNoReplyStreaming(state);
  return [pathChanged(state, target.id, "branch", target.id, command)];
}

/** The path now ends at `leafId`, with that path's mood, affinity and replies owed. */
function pathChanged(
  state: ConversationState,
  leafId: string | null,
  via: "sibling" | "branch" | "regenerate" | "edit",
  messageId: string,
  request: { clientRequestId: string; now: string },
): ConversationEvent {
  const path = leafId === null ? initialPathState() : pathStateAt(state.tree, requireMessage(state, leafId));
  return {
    type: "ActivePathChanged",
    data: {
      leafId,
      previousLeafId: state.activeLeafId,
      via,
      messageId,
      clientRequestId: request.clientRequestId,
      mood: path.mood,
      affinity: path.affinity,
      awaitingReplies: awaitingReplies(path),
      changedAt: request.now,
    },
  };
}
