import type { Mood } from "../shared/mood.ts";
import type { ConversationAddress } from "./address.ts";
import type { ImageDeclineReason, LifeInitiationTrigger, ReplyFailureReason } from "./limits.ts";
import type {
  CorrectMemoryFact,
  ForgetMemoryFact,
  RecordMemoryFact,
  RewriteMemorySummary,
  WithdrawMemorySummaries,
} from "./memoryFactCommands.ts";
import type {
  BranchFrom,
  ChooseSibling,
  EditMessage,
  HideMessage,
  RegenerateReply,
  UnhideMessage,
} from "./treeCommands.ts";

export type { ConversationAddress } from "./address.ts";
export type * from "./memoryFactCommands.ts";
export type * from "./treeCommands.ts";

/**
 * Mood, affinity, image and memory commands name the message they belong to (usually the reply
 * being written); without one they belong to the active leaf. They are decided against the state
 * of the path through that message, and only paths through it see their event.
 */
interface CausedBy {
  causedBy?: string;
}

/** The first message starts the conversation; every message follows the active leaf. */
export interface SendMessage extends ConversationAddress {
  type: "SendMessage";
  messageId: string;
  clientMessageId: string;
  text: string;
  /** The agent's greeting, written before the message when this message starts the conversation. */
  greeting?: { messageId: string; text: string };
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

export interface ShiftMood extends ConversationAddress, CausedBy {
  type: "ShiftMood";
  mood: Mood;
  intensity: number;
  reason: string;
}

export interface ChangeAffinity extends ConversationAddress, CausedBy {
  type: "ChangeAffinity";
  /** A whole number, at most the turn limit either way. */
  delta: number;
  reason: string;
}

/** The application's gating said yes; the decider checks the request is consistent. */
export interface GrantImageRequest extends ConversationAddress, CausedBy {
  type: "GrantImageRequest";
  requestId: string;
  imageJobId: string;
  scenePrompt: string;
  inReplyTo: string;
}

export interface DeclineImageRequest extends ConversationAddress, CausedBy {
  type: "DeclineImageRequest";
  requestId: string;
  reason: ImageDeclineReason;
  inReplyTo: string;
}

export interface SummarizeMemory extends ConversationAddress, CausedBy {
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
  trigger: LifeInitiationTrigger;
  lifeEventId?: string;
}

/** A person opens a conversation that has not started: the agent's greeting is its first message. */
export interface GreetPerson extends ConversationAddress {
  type: "GreetPerson";
  messageId: string;
  text: string;
  /** Other greetings beside it (an imported chat's greeting swipes), in order; the last written is on the path. */
  alternatives?: readonly { messageId: string; text: string }[];
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
  | InitiateMessage
  | GreetPerson
  | RegenerateReply
  | EditMessage
  | ChooseSibling
  | BranchFrom
  | HideMessage
  | UnhideMessage
  | RecordMemoryFact
  | CorrectMemoryFact
  | ForgetMemoryFact
  | WithdrawMemorySummaries
  | RewriteMemorySummary;
