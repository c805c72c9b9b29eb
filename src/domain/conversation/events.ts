import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { IntensitySchema, MoodSchema, MoodStateSchema } from "../shared/mood.ts";
import { IdSchema, InstantSchema, textSchema } from "../shared/schemas.ts";

export const MESSAGE_MAX = 4000;
export const REPLY_MAX = 16000;
export const REASON_MAX = 200;
export const AFFINITY_MIN = -100;
export const AFFINITY_MAX = 100;
/** The most affinity can move within one turn (from one user message to the next). */
export const AFFINITY_TURN_LIMIT = 5;

export const ReplyFailureReasonSchema = z.enum([
  "timeout",
  "provider_error",
  "refused",
  "rate_limited",
  "interrupted",
]);
export type ReplyFailureReason = z.output<typeof ReplyFailureReasonSchema>;

export const ImageDeclineReasonSchema = z.enum([
  "daily_limit",
  "too_soon",
  "agent_busy",
  "agent_asleep",
  "not_comfortable",
  "no_base_portrait",
  "unsafe_request",
]);
export type ImageDeclineReason = z.output<typeof ImageDeclineReasonSchema>;

export const InitiationTriggerSchema = z.enum([
  "life_event",
  "check_in",
  "morning_greeting",
  "good_night",
  "follow_up",
]);
export type InitiationTrigger = z.output<typeof InitiationTriggerSchema>;

export const ConversationStarted = defineEvent(
  "ConversationStarted",
  z.object({ userId: IdSchema, agentId: IdSchema, startedAt: InstantSchema }),
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
  }),
);
export type UserMessageSent = EventOf<typeof UserMessageSent>;

export const AgentReplyStarted = defineEvent(
  "AgentReplyStarted",
  z.object({
    replyId: IdSchema,
    inReplyTo: IdSchema,
    attempt: z.int().min(1),
    startedAt: InstantSchema,
  }),
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

export const MoodShifted = defineEvent(
  "MoodShifted",
  z.object({
    mood: MoodSchema,
    intensity: IntensitySchema,
    /** Null for the first shift of a conversation. */
    previous: MoodStateSchema.nullable(),
    reason: textSchema(1, REASON_MAX),
  }),
);
export type MoodShifted = EventOf<typeof MoodShifted>;

export const AffinityChanged = defineEvent(
  "AffinityChanged",
  z.object({
    /** The change applied, after clamping to the turn limit and the bounds. */
    delta: z.int().min(-AFFINITY_TURN_LIMIT).max(AFFINITY_TURN_LIMIT),
    requestedDelta: z.int().min(-AFFINITY_TURN_LIMIT).max(AFFINITY_TURN_LIMIT),
    reason: textSchema(1, REASON_MAX),
    value: z.int().min(AFFINITY_MIN).max(AFFINITY_MAX),
  }),
);
export type AffinityChanged = EventOf<typeof AffinityChanged>;

export const ImageRequestGranted = defineEvent(
  "ImageRequestGranted",
  z.object({
    requestId: IdSchema,
    imageJobId: IdSchema,
    scenePrompt: textSchema(1, 1000),
    inReplyTo: IdSchema,
    grantedAt: InstantSchema,
  }),
);
export type ImageRequestGranted = EventOf<typeof ImageRequestGranted>;

export const ImageRequestDeclined = defineEvent(
  "ImageRequestDeclined",
  z.object({
    requestId: IdSchema,
    reason: ImageDeclineReasonSchema,
    inReplyTo: IdSchema,
    declinedAt: InstantSchema,
  }),
);
export type ImageRequestDeclined = EventOf<typeof ImageRequestDeclined>;

/** Long-term memory: a summary of the stream's revisions `coversFromRevision..coversToRevision`. */
export const MemorySummarized = defineEvent(
  "MemorySummarized",
  z
    .object({
      summaryId: IdSchema,
      summary: textSchema(1, 8000),
      facts: z.array(textSchema(1, 500)).max(50),
      coversFromRevision: z.int().min(0),
      coversToRevision: z.int().min(0),
      messageCount: z.int().min(0),
    })
    .refine((s) => s.coversFromRevision <= s.coversToRevision, { message: "the range runs backwards" }),
);
export type MemorySummarized = EventOf<typeof MemorySummarized>;

export const AgentInitiatedMessage = defineEvent(
  "AgentInitiatedMessage",
  z.object({
    messageId: IdSchema,
    text: textSchema(1, MESSAGE_MAX),
    trigger: InitiationTriggerSchema,
    lifeEventId: IdSchema.optional(),
    sentAt: InstantSchema,
  }),
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
  | AgentInitiatedMessage;
