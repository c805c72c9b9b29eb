import { z } from "zod";

/** Sizes, bounds and vocabularies the conversation's events and rules share. */

export const MESSAGE_MAX = 4000;
export const REPLY_MAX = 16000;
export const REASON_MAX = 200;
/** The longest name kept from an imported chat's header. */
export const IMPORTED_NAME_MAX = 200;
/** The largest imported `chat_metadata` kept, as UTF-8 JSON bytes. */
export const CHAT_METADATA_MAX_BYTES = 64 * 1024;
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
  "greeting",
]);
export type InitiationTrigger = z.output<typeof InitiationTriggerSchema>;
/** `greeting` opens a conversation; the others are the agent's life reaching out. */
export type LifeInitiationTrigger = Exclude<InitiationTrigger, "greeting">;
