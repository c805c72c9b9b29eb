import { assertNever, type Decider, DomainError } from "../shared/decider.ts";
import { changeAffinity } from "./affinity.ts";
import type { ConversationCommand } from "./commands.ts";
import type { ConversationEvent } from "./events.ts";
import { evolveConversation } from "./evolve.ts";
import { declineImageRequest, grantImageRequest } from "./imageRequests.ts";
import { summarizeMemory } from "./memory.ts";
import { initiateMessage, sendMessage } from "./messages.ts";
import { shiftMood } from "./mood.ts";
import { completeReply, failReply, retryReply, startReply } from "./replies.ts";
import { type ConversationState, initialConversationState } from "./state.ts";

export type { ConversationState } from "./state.ts";

function decide(command: ConversationCommand, state: ConversationState): ConversationEvent[] {
  if (state.started && (state.userId !== command.userId || state.agentId !== command.agentId))
    throw new DomainError(
      "ConversationMismatch",
      "FORBIDDEN",
      "This conversation belongs to another person or agent.",
    );
  if (command.type === "SendMessage") return sendMessage(command, state);
  if (!state.started)
    throw new DomainError(
      "ConversationNotStarted",
      "NOT_FOUND",
      "This conversation has not started; send a first message.",
    );
  switch (command.type) {
    case "StartReply":
      return startReply(command, state);
    case "RetryReply":
      return retryReply(command, state);
    case "CompleteReply":
      return completeReply(command, state);
    case "FailReply":
      return failReply(command, state);
    case "ShiftMood":
      return shiftMood(command, state);
    case "ChangeAffinity":
      return changeAffinity(command, state);
    case "GrantImageRequest":
      return grantImageRequest(command, state);
    case "DeclineImageRequest":
      return declineImageRequest(command, state);
    case "SummarizeMemory":
      return summarizeMemory(command, state);
    case "InitiateMessage":
      return initiateMessage(command, state);
    default:
      return assertNever(command);
  }
}

export const conversationDecider: Decider<ConversationState, ConversationCommand, ConversationEvent> = {
  initialState: initialConversationState,
  evolve: evolveConversation,
  decide,
};

export { applyAffinityDelta } from "./affinity.ts";
export { imageRequestsOn } from "./imageRequests.ts";
export { nextRevisionToSummarize } from "./memory.ts";
export { findMessageByClientId, findUserMessage } from "./messages.ts";
export { currentMood } from "./mood.ts";
export { findReply, nextMessageToAnswer, replyInProgress } from "./replies.ts";
