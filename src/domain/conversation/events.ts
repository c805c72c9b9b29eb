import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { IdSchema, InstantSchema, textSchema } from "../shared/schemas.ts";
import {
  AffinityChanged,
  ImageRequestDeclined,
  ImageRequestGranted,
  MemorySummarized,
  MoodShifted,
} from "./effectEvents.ts";
import {
  CHAT_METADATA_MAX_BYTES,
  IMPORTED_NAME_MAX,
  InitiationTriggerSchema,
  MESSAGE_MAX,
  REPLY_MAX,
  ReplyFailureReasonSchema,
} from "./limits.ts";
import {
  MemoryFactCorrected,
  MemoryFactForgotten,
  MemoryFactRecorded,
  MemorySummariesWithdrawn,
} from "./memoryFactEvents.ts";
import {
  ActivePathChanged,
  fromLinearConversation,
  MessageHidden,
  MessageUnhidden,
  ParentIdSchema,
} from "./treeEvents.ts";

export * from "./effectEvents.ts";
export * from "./limits.ts";
export * from "./memoryFactEvents.ts";
export * from "./treeEvents.ts";

/**
 * The header of a chat imported from another tool, kept so an export writes it back: the names
 * the file gave the person and the character, and its `chat_metadata` as JSON text.
 */
export const ImportedChatHeaderSchema = z.object({
  userName: textSchema(0, IMPORTED_NAME_MAX),
  characterName: textSchema(0, IMPORTED_NAME_MAX),
  chatMetadata: z.string().max(CHAT_METADATA_MAX_BYTES),
});
export type ImportedChatHeader = z.output<typeof ImportedChatHeaderSchema>;

export const ConversationStarted = defineEvent(
  "ConversationStarted",
  z.object({
    userId: IdSchema,
    agentId: IdSchema,
    startedAt: InstantSchema,
    /** Set when the conversation began with an imported chat whose file had a header. */
    importedHeader: ImportedChatHeaderSchema.optional(),
  }),
);
export type ConversationStarted = EventOf<typeof ConversationStarted>;

export const UserMessageSent = defineEvent(
  "UserMessageSent",
  z.object({
    messageId: IdSchema,
    /** Chosen by the client; sending the same one again is a retry, not a new message. */
    clientMessageId: IdSchema,
    text: textSchema(1, MESSAGE_MAX),
    sentAt: InstantSchema,
    parentId: ParentIdSchema,
    /** Set on an edit: the user message this one stands beside, as an alternative with the same parent. */
    edits: IdSchema.optional(),
  }),
  { version: 2, upcasters: fromLinearConversation },
);
export type UserMessageSent = EventOf<typeof UserMessageSent>;

/**
 * A reply starts streaming. A first attempt is a new message under `parentId` (the active leaf);
 * a later attempt (a retry after a failure) takes the place in the tree of the failed attempt it
 * is a `retryOf` (in version 1, the failed attempt on the active path). A regenerated reply is a
 * first attempt beside the reply it `regenerates`, after the path went back to their parent.
 */
export const AgentReplyStarted = defineEvent(
  "AgentReplyStarted",
  z.object({
    replyId: IdSchema,
    inReplyTo: IdSchema,
    attempt: z.int().min(1),
    startedAt: InstantSchema,
    parentId: ParentIdSchema,
    retryOf: IdSchema.optional(),
    regenerates: IdSchema.optional(),
  }),
  { version: 2, upcasters: fromLinearConversation },
);
export type AgentReplyStarted = EventOf<typeof AgentReplyStarted>;

const UsageSchema = z.object({ promptTokens: z.int().min(0), completionTokens: z.int().min(0) });

/** The whole reply; the tokens streamed before it travel on the live bus, not as events. */
export const AgentReplyCompleted = defineEvent(
  "AgentReplyCompleted",
  z.object({
    replyId: IdSchema,
    inReplyTo: IdSchema,
    text: textSchema(1, REPLY_MAX),
    model: z.string().min(1).max(200),
    usage: UsageSchema,
    completedAt: InstantSchema,
  }),
);
export type AgentReplyCompleted = EventOf<typeof AgentReplyCompleted>;

export const AgentReplyFailed = defineEvent(
  "AgentReplyFailed",
  z.object({
    replyId: IdSchema,
    inReplyTo: IdSchema,
    reason: ReplyFailureReasonSchema,
    message: z.string().max(1000),
    retryable: z.boolean(),
    failedAt: InstantSchema,
  }),
);
export type AgentReplyFailed = EventOf<typeof AgentReplyFailed>;

export const AgentInitiatedMessage = defineEvent(
  "AgentInitiatedMessage",
  z.object({
    messageId: IdSchema,
    text: textSchema(1, MESSAGE_MAX),
    trigger: InitiationTriggerSchema,
    lifeEventId: IdSchema.optional(),
    sentAt: InstantSchema,
    parentId: ParentIdSchema,
  }),
  { version: 2, upcasters: fromLinearConversation },
);
export type AgentInitiatedMessage = EventOf<typeof AgentInitiatedMessage>;

export const conversationEventDefinitions = [
  ConversationStarted,
  UserMessageSent,
  AgentReplyStarted,
  AgentReplyCompleted,
  AgentReplyFailed,
  MoodShifted,
  AffinityChanged,
  ImageRequestGranted,
  ImageRequestDeclined,
  MemorySummarized,
  AgentInitiatedMessage,
  ActivePathChanged,
  MessageHidden,
  MessageUnhidden,
  MemoryFactRecorded,
  MemoryFactCorrected,
  MemoryFactForgotten,
  MemorySummariesWithdrawn,
] as const;

export type ConversationEvent =
  | ConversationStarted
  | UserMessageSent
  | AgentReplyStarted
  | AgentReplyCompleted
  | AgentReplyFailed
  | MoodShifted
  | AffinityChanged
  | ImageRequestGranted
  | ImageRequestDeclined
  | MemorySummarized
  | AgentInitiatedMessage
  | ActivePathChanged
  | MessageHidden
  | MessageUnhidden
  | MemoryFactRecorded
  | MemoryFactCorrected
  | MemoryFactForgotten
  | MemorySummariesWithdrawn;
