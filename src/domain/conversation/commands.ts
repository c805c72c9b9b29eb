import type { Mood } from "../shared/mood.ts";
import type { ImageDeclineReason, InitiationTrigger, ReplyFailureReason } from "./events.ts";

/** Every conversation command names its person and agent, and carries the time it is decided at. */
interface ConversationAddress {
  userId: string;
  agentId: string;
  now: string;
}

/** The first message starts the conversation. */
export interface SendMessage extends ConversationAddress {
  type: "SendMessage";
  messageId: string;
  clientMessageId: string;
  text: string;
}

export interface StartReply extends ConversationAddress {
  type: "StartReply";
  replyId: string;
  messageId: string;
}

/** Starts the next attempt at answering a message whose last reply failed. */
export interface RetryReply extends ConversationAddress {
  type: "RetryReply";
  replyId: string;
  messageId: string;
}

export interface CompleteReply extends ConversationAddress {
  type: "CompleteReply";
  replyId: string;
  text: string;
  model: string;
  usage: { promptTokens: number; completionTokens: number };
}

export interface FailReply extends ConversationAddress {
  type: "FailReply";
  replyId: string;
  reason: ReplyFailureReason;
  message: string;
  retryable: boolean;
}

export interface ShiftMood extends ConversationAddress {
  type: "ShiftMood";
  mood: Mood;
  intensity: number;
  reason: string;
}

export interface ChangeAffinity extends ConversationAddress {
  type: "ChangeAffinity";
  /** A whole number, at most the turn limit either way. */
  delta: number;
  reason: string;
}

/** The application's gating said yes; the decider checks the request is consistent. */
export interface GrantImageRequest extends ConversationAddress {
  type: "GrantImageRequest";
  requestId: string;
  imageJobId: string;
  scenePrompt: string;
  inReplyTo: string;
}

export interface DeclineImageRequest extends ConversationAddress {
  type: "DeclineImageRequest";
  requestId: string;
  reason: ImageDeclineReason;
  inReplyTo: string;
}

export interface SummarizeMemory extends ConversationAddress {
  type: "SummarizeMemory";
  summaryId: string;
  summary: string;
  facts: readonly string[];
  coversFromRevision: number;
  coversToRevision: number;
  messageCount: number;
}

/** The agent writes first: after a life event, to check in, to greet. */
export interface InitiateMessage extends ConversationAddress {
  type: "InitiateMessage";
  messageId: string;
  text: string;
  trigger: InitiationTrigger;
  lifeEventId?: string;
}

export type ConversationCommand =
  | SendMessage
  | StartReply
  | RetryReply
  | CompleteReply
  | FailReply
  | ShiftMood
  | ChangeAffinity
  | GrantImageRequest
  | DeclineImageRequest
  | SummarizeMemory
  | InitiateMessage;
