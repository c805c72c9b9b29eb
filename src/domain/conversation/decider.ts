import { assertNever, type Decider, DomainError } from "../shared/decider.ts";
import { changeAffinity } from "./affinity.ts";
import { branchFrom, chooseSibling, editMessage, regenerateReply } from "./branching.ts";
import type { ConversationCommand, SendMessage } from "./commands.ts";
import type { ConversationEvent } from "./events.ts";
import { evolveConversation } from "./evolve.ts";
import { hideMessage, unhideMessage } from "./hiding.ts";
import { declineImageRequest, grantImageRequest } from "./imageRequests.ts";
import { summarizeMemory } from "./memory.ts";
import { correctMemoryFact, forgetMemoryFact, recordMemoryFact } from "./memoryFacts.ts";
import { greetPerson, initiateMessage, sendMessage } from "./messages.ts";
import { shiftMood } from "./mood.ts";
import { completeReply, failReply, retryReply, startReply } from "./replies.ts";
import { type ConversationState, initialConversationState } from "./state.ts";
import { rewriteMemorySummary } from "./summaryRewrite.ts";
import { withdrawMemorySummaries } from "./summaryWithdrawal.ts";

export type { ConversationState, PathState } from "./state.ts";

function decide(command: ConversationCommand, state: ConversationState): ConversationEvent[] {
  if (state.started && (state.userId !== command.userId || state.agentId !== command.agentId))
    throw new DomainError(
      "ConversationMismatch",
      "FORBIDDEN",
      "This conversation belongs to another person or agent.",
    );
  if (command.type === "SendMessage") return sendGreeted(command, state);
  if (command.type === "GreetPerson") return greetPerson(command, state);
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
    case "RegenerateReply":
      return regenerateReply(command, state);
    case "EditMessage":
      return editMessage(command, state);
    case "ChooseSibling":
      return chooseSibling(command, state);
    case "BranchFrom":
      return branchFrom(command, state);
    case "HideMessage":
      return hideMessage(command, state);
    case "UnhideMessage":
      return unhideMessage(command, state);
    case "RecordMemoryFact":
      return recordMemoryFact(command, state);
    case "CorrectMemoryFact":
      return correctMemoryFact(command, state);
    case "ForgetMemoryFact":
      return forgetMemoryFact(command, state);
    case "WithdrawMemorySummaries":
      return withdrawMemorySummaries(command, state);
    case "RewriteMemorySummary":
      return rewriteMemorySummary(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * A first message with a greeting is answered in one append: the greeting opens the conversation
 * and the message follows it. Once the conversation has started the greeting is left out, so a
 * retried or concurrent first message never greets twice.
 */
function sendGreeted(command: SendMessage, state: ConversationState): ConversationEvent[] {
  if (state.started || !command.greeting) return sendMessage(command, state);
  const greeted = greetPerson(
    {
      type: "GreetPerson",
      userId: command.userId,
      agentId: command.agentId,
      messageId: command.greeting.messageId,
      text: command.greeting.text,
      now: command.now,
    },
    state,
  );
  return [...greeted, ...sendMessage(command, greeted.reduce(evolveConversation, state))];
}

export const conversationDecider: Decider<ConversationState, ConversationCommand, ConversationEvent> = {
  initialState: initialConversationState,
  evolve: evolveConversation,
  decide,
};

export { applyAffinityDelta } from "./affinity.ts";
export { imageRequestsOn } from "./imageRequests.ts";
export { nextRevisionToSummarize, summaryDueAt } from "./memory.ts";
export { findMessageByClientId, findUserMessage } from "./messages.ts";
export { currentMood } from "./mood.ts";
export {
  activePath,
  branchLeaf,
  findMessage,
  isOnActivePath,
  isVisibleOnPathTo,
  pathTo,
  recentPathTo,
  siblingsOf,
  stateAt,
  visibleActivePath,
  visibleOnPathTo,
  visiblePathTo,
} from "./path.ts";
export { findReply, isReplyIdTaken, nextMessageToAnswer, replyInProgress } from "./replies.ts";
export { MAX_ALTERNATIVES } from "./treeRules.ts";
