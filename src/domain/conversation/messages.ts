import { DomainError } from "../shared/decider.ts";
import { charCount, fingerprint, isBlank } from "../shared/text.ts";
import type { GreetPerson, InitiateMessage, SendMessage } from "./commands.ts";
import { type ConversationEvent, MESSAGE_MAX } from "./events.ts";
import type { ConversationState, SentMessage } from "./state.ts";
import { MAX_ALTERNATIVES, requireNewMessageId, requireRoomForAlternative } from "./treeRules.ts";

/** Unanswered messages a person may stack up before waiting for the agent. */
export const MAX_UNANSWERED = 20;
/** Messages the agent may start in a row before the person writes back: at most three per silence. */
export const MAX_INITIATIONS_WITHOUT_ANSWER = 3;

/** The stored message a client id stands for, when it is recent enough to be remembered. */
export function findMessageByClientId(
  state: ConversationState,
  clientMessageId: string,
): SentMessage | undefined {
  return state.userMessagesByClientId.get(clientMessageId);
}

export function findUserMessage(state: ConversationState, messageId: string): SentMessage | undefined {
  return state.recentUserMessages.find((m) => m.messageId === messageId);
}

/** Trimmed text of 1..MESSAGE_MAX characters. */
export function checkMessageText(text: string): string {
  const trimmed = text.trim();
  if (isBlank(trimmed))
    throw new DomainError("MessageEmpty", "BAD_USER_INPUT", "Write something before sending.");
  if (charCount(trimmed) > MESSAGE_MAX)
    throw new DomainError(
      "MessageTooLong",
      "BAD_USER_INPUT",
      `Shorten the message to ${MESSAGE_MAX} characters or fewer.`,
      { limit: MESSAGE_MAX },
    );
  return trimmed;
}

/**
 * True when a message under this client id was stored already with the same text (and, for an
 * edit, as an edit of the same message): a retry, which writes nothing. Anything else under the
 * same client id is a conflict.
 */
export function isRetriedSend(earlier: SentMessage | undefined, text: string, edits: string | null): boolean {
  if (!earlier) return false;
  if (earlier.textFingerprint === fingerprint(text) && (earlier.edits ?? null) === edits) return true;
  throw new DomainError(
    "ClientMessageIdReused",
    "CONFLICT",
    "This client message id was already used for a different message; send it with a new id.",
  );
}

/**
 * The message follows the active leaf. Sending the same client message id again is a retry: no
 * events, the caller reads the stored message.
 */
export function sendMessage(command: SendMessage, state: ConversationState): ConversationEvent[] {
  const text = checkMessageText(command.text);
  if (isRetriedSend(findMessageByClientId(state, command.clientMessageId), text, null)) return [];
  requireNewMessageId(state, command.messageId, "MessageIdTaken", "message");
  requireRoomForAlternative(state, state.activeLeafId);
  if (state.unanswered.length >= MAX_UNANSWERED)
    throw new DomainError(
      "TooManyUnansweredMessages",
      "RATE_LIMITED",
      "Wait for a reply before sending more messages.",
    );
  const sent: ConversationEvent = {
    type: "UserMessageSent",
    data: {
      messageId: command.messageId,
      clientMessageId: command.clientMessageId,
      text,
      sentAt: command.now,
      parentId: state.activeLeafId,
    },
  };
  if (state.started) return [sent];
  return [
    {
      type: "ConversationStarted",
      data: { userId: command.userId, agentId: command.agentId, startedAt: command.now },
    },
    sent,
  ];
}

export function initiateMessage(command: InitiateMessage, state: ConversationState): ConversationEvent[] {
  const text = checkMessageText(command.text);
  if (command.trigger === "life_event" && !command.lifeEventId)
    throw new DomainError(
      "LifeEventRequired",
      "BAD_USER_INPUT",
      "A message about a life event needs the life event's id.",
    );
  requireNewMessageId(state, command.messageId, "MessageIdTaken", "message");
  if (state.unanswered.some((m) => m.status !== "failed"))
    throw new DomainError(
      "UserMessageAwaitingReply",
      "CONFLICT",
      "The person is waiting for a reply; answer them instead of starting a new topic.",
    );
  if (state.initiationsSinceUserMessage >= MAX_INITIATIONS_WITHOUT_ANSWER)
    throw new DomainError(
      "InitiationLimitReached",
      "RATE_LIMITED",
      "The agent has written first enough times; wait for the person to answer.",
    );
  const data = {
    messageId: command.messageId,
    text,
    trigger: command.trigger,
    sentAt: command.now,
    parentId: state.activeLeafId,
  };
  return [
    {
      type: "AgentInitiatedMessage",
      data: command.lifeEventId ? { ...data, lifeEventId: command.lifeEventId } : data,
    },
  ];
}

/**
 * Only a conversation that has not started is greeted; opening it again writes nothing. Alternative
 * greetings are first messages beside the greeting (siblings with no parent).
 */
export function greetPerson(command: GreetPerson, state: ConversationState): ConversationEvent[] {
  if (state.started) return [];
  const greetings = [{ messageId: command.messageId, text: command.text }, ...(command.alternatives ?? [])];
  if (greetings.length > MAX_ALTERNATIVES)
    throw new DomainError(
      "TooManyAlternatives",
      "BAD_USER_INPUT",
      `A greeting can have at most ${MAX_ALTERNATIVES} alternatives.`,
    );
  if (new Set(greetings.map((g) => g.messageId)).size !== greetings.length)
    throw new DomainError("MessageIdTaken", "BAD_USER_INPUT", "Each greeting needs an id of its own.");
  return [
    {
      type: "ConversationStarted",
      data: { userId: command.userId, agentId: command.agentId, startedAt: command.now },
    },
    ...greetings.map(
      (greeting): ConversationEvent => ({
        type: "AgentInitiatedMessage",
        data: {
          messageId: greeting.messageId,
          text: checkMessageText(greeting.text),
          trigger: "greeting",
          sentAt: command.now,
          parentId: null,
        },
      }),
    ),
  ];
}
