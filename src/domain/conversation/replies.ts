import { DomainError } from "../shared/decider.ts";
import { charCount } from "../shared/text.ts";
import type { CompleteReply, FailReply, RetryReply, StartReply } from "./commands.ts";
import { type ConversationEvent, REPLY_MAX } from "./events.ts";
import type { ConversationState, ReplyRecord, UnansweredMessage } from "./state.ts";
import { requireOnPath } from "./treeRules.ts";

/** Attempts at answering one message, the first included. */
export const MAX_REPLY_ATTEMPTS = 3;
const FAILURE_MESSAGE_MAX = 1000;

/** One reply at a time, in order: the oldest waiting message, unless a reply is under way. */
export function nextMessageToAnswer(state: ConversationState): UnansweredMessage | null {
  if (replyInProgress(state)) return null;
  return state.unanswered.find((m) => m.status === "waiting") ?? null;
}

export function replyInProgress(state: ConversationState): UnansweredMessage | null {
  return state.unanswered.find((m) => m.status === "replying") ?? null;
}

/** Newest first: the reply asked about is nearly always the latest (ids are not used twice). */
export function findReply(state: ConversationState, replyId: string): ReplyRecord | undefined {
  return state.replies.findLast((r) => r.replyId === replyId);
}

/** Whether a reply, or any message of the tree, already goes by this id. */
export function isReplyIdTaken(state: ConversationState, replyId: string): boolean {
  return state.tree.nodes.has(replyId) || findReply(state, replyId) !== undefined;
}

export function startReply(command: StartReply, state: ConversationState): ConversationEvent[] {
  const message = unansweredMessage(command, state);
  if (message.status !== "waiting")
    throw new DomainError(
      "ReplyAlreadyStarted",
      "CONFLICT",
      message.status === "failed"
        ? "The reply to this message failed; retry it instead of starting it again."
        : "A reply to this message is already being written.",
    );
  requireNoReplyInProgress(state);
  if (nextMessageToAnswer(state)?.messageId !== message.messageId)
    throw new DomainError("ReplyOutOfOrder", "CONFLICT", "Answer the earlier messages first.");
  return [started(command, message, 1, state.activeLeafId)];
}

export function retryReply(command: RetryReply, state: ConversationState): ConversationEvent[] {
  const message = unansweredMessage(command, state);
  if (message.status !== "failed")
    throw new DomainError("ReplyNotFailed", "CONFLICT", "Only a failed reply can be retried.");
  requireNoReplyInProgress(state);
  if (message.attempts >= MAX_REPLY_ATTEMPTS)
    throw new DomainError(
      "ReplyAttemptsExhausted",
      "RATE_LIMITED",
      `The reply failed ${MAX_REPLY_ATTEMPTS} times; send your message again to start over.`,
    );
  // The new attempt takes the failed one's place in the tree.
  const failed = message.replyId === null ? undefined : state.tree.nodes.get(message.replyId);
  if (!failed) return [started(command, message, message.attempts + 1, state.activeLeafId)];
  return [started(command, message, message.attempts + 1, failed.parentId, failed.id)];
}

export function completeReply(command: CompleteReply, state: ConversationState): ConversationEvent[] {
  const reply = startedReply(command.replyId, state);
  const text = command.text.trim();
  if (text.length === 0 || charCount(text) > REPLY_MAX)
    throw new DomainError(
      "ReplyTextInvalid",
      "BAD_USER_INPUT",
      `A reply needs between 1 and ${REPLY_MAX} characters of text.`,
    );
  const { promptTokens, completionTokens } = command.usage;
  if (![promptTokens, completionTokens].every((n) => Number.isInteger(n) && n >= 0))
    throw new DomainError(
      "ReplyUsageInvalid",
      "BAD_USER_INPUT",
      "Token counts must be whole numbers of zero or more.",
    );
  return [
    {
      type: "AgentReplyCompleted",
      data: {
        replyId: reply.replyId,
        inReplyTo: reply.inReplyTo,
        text,
        model: command.model,
        usage: { promptTokens, completionTokens },
        completedAt: command.now,
      },
    },
  ];
}

export function failReply(command: FailReply, state: ConversationState): ConversationEvent[] {
  const reply = startedReply(command.replyId, state);
  return [
    {
      type: "AgentReplyFailed",
      data: {
        replyId: reply.replyId,
        inReplyTo: reply.inReplyTo,
        reason: command.reason,
        message: [...command.message].slice(0, FAILURE_MESSAGE_MAX).join(""),
        retryable: command.retryable,
        failedAt: command.now,
      },
    },
  ];
}

function unansweredMessage(command: StartReply | RetryReply, state: ConversationState): UnansweredMessage {
  if (isReplyIdTaken(state, command.replyId))
    throw new DomainError("ReplyIdTaken", "CONFLICT", "This reply id is taken; use a new id.");
  const message = state.unanswered.find((m) => m.messageId === command.messageId);
  if (message) return message;
  const node = state.tree.nodes.get(command.messageId);
  if (node?.kind === "user") {
    requireOnPath(state, node);
    throw new DomainError("MessageAlreadyAnswered", "CONFLICT", "This message has been answered already.");
  }
  throw new DomainError("MessageNotFound", "NOT_FOUND", "There is no such message in this conversation.");
}

function requireNoReplyInProgress(state: ConversationState): void {
  if (replyInProgress(state))
    throw new DomainError("ReplyInProgress", "CONFLICT", "Wait until the reply being written is finished.");
}

function startedReply(replyId: string, state: ConversationState): ReplyRecord {
  const reply = findReply(state, replyId);
  if (!reply)
    throw new DomainError("ReplyNotFound", "NOT_FOUND", "There is no such reply in this conversation.");
  if (reply.status !== "started")
    throw new DomainError("ReplyAlreadyFinished", "CONFLICT", "This reply is finished already.");
  return reply;
}

function started(
  command: StartReply | RetryReply,
  message: UnansweredMessage,
  attempt: number,
  parentId: string | null,
  retryOf?: string,
): ConversationEvent {
  return {
    type: "AgentReplyStarted",
    data: {
      replyId: command.replyId,
      inReplyTo: message.messageId,
      attempt,
      startedAt: command.now,
      parentId,
      ...(retryOf ? { retryOf } : {}),
    },
  };
}
