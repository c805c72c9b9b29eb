import { DomainError } from "../shared/decider.ts";
import type { HideMessage, UnhideMessage } from "./commands.ts";
import type { ConversationEvent } from "./events.ts";
import type { ConversationState } from "./state.ts";
import { requestFingerprint } from "./stateChanges.ts";
import { isOnPath } from "./tree.ts";
import { isRetriedRequest, requireMessage } from "./treeRules.ts";

/**
 * Hiding takes a message out of what the person sees and what the agent is given, and out of the
 * alternatives shown beside its siblings; the log keeps it and admins still see it. It changes no
 * path and takes back nothing the message caused.
 */
export function hideMessage(command: HideMessage, state: ConversationState): ConversationEvent[] {
  if (isRetriedRequest(state, command.clientRequestId, requestFingerprint("hide", command.messageId)))
    return [];
  const message = requireMessage(state, command.messageId);
  if (message.hidden)
    throw new DomainError("MessageAlreadyHidden", "CONFLICT", "This message is hidden already.");
  if (message.status === "streaming")
    throw new DomainError("ReplyInProgress", "CONFLICT", "Wait until the reply being written is finished.");
  const awaiting = state.unanswered.find((m) => m.messageId === message.id && m.status !== "failed");
  if (awaiting && isOnPath(state.tree, message.id))
    throw new DomainError(
      "MessageAwaitingReply",
      "CONFLICT",
      "The agent is still to answer this message; wait for the reply before hiding it.",
    );
  return [
    {
      type: "MessageHidden",
      data: { messageId: message.id, clientRequestId: command.clientRequestId, hiddenAt: command.now },
    },
  ];
}

export function unhideMessage(command: UnhideMessage, state: ConversationState): ConversationEvent[] {
  if (isRetriedRequest(state, command.clientRequestId, requestFingerprint("unhide", command.messageId)))
    return [];
  const message = requireMessage(state, command.messageId);
  if (!message.hidden) throw new DomainError("MessageNotHidden", "CONFLICT", "This message is not hidden.");
  return [
    {
      type: "MessageUnhidden",
      data: { messageId: message.id, clientRequestId: command.clientRequestId, unhiddenAt: command.now },
    },
  ];
}
