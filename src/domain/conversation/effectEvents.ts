import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { IntensitySchema, MoodSchema, MoodStateSchema } from "../shared/mood.ts";
import { IdSchema, InstantSchema, textSchema } from "../shared/schemas.ts";
import {
  AFFINITY_MAX,
  AFFINITY_MIN,
  AFFINITY_TURN_LIMIT,
  ImageDeclineReasonSchema,
  REASON_MAX,
} from "./limits.ts";
import { CausedBySchema, fromLinearConversation } from "./treeEvents.ts";

/** What a turn does to the agent's feelings, the selfie gating and memory: each on the path of `causedBy`. */

export const MoodShifted = defineEvent(
  "MoodShifted",
  z.object({
    mood: MoodSchema,
    intensity: IntensitySchema,
    /** The mood on the same path before; null for the first shift there. */
    previous: MoodStateSchema.nullable(),
    reason: textSchema(1, REASON_MAX),
    causedBy: CausedBySchema,
  }),
  { version: 2, upcasters: fromLinearConversation },
);
export type MoodShifted = EventOf<typeof MoodShifted>;

export const AffinityChanged = defineEvent(
  "AffinityChanged",
  z.object({
    /** The change applied, after clamping to the turn limit and the bounds. */
    delta: z.int().min(-AFFINITY_TURN_LIMIT).max(AFFINITY_TURN_LIMIT),
    requestedDelta: z.int().min(-AFFINITY_TURN_LIMIT).max(AFFINITY_TURN_LIMIT),
    reason: textSchema(1, REASON_MAX),
    /** The affinity it led to on the path of `causedBy` when it was decided. */
    value: z.int().min(AFFINITY_MIN).max(AFFINITY_MAX),
    causedBy: CausedBySchema,
  }),
  { version: 2, upcasters: fromLinearConversation },
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
    causedBy: CausedBySchema,
  }),
  { version: 2, upcasters: fromLinearConversation },
);
export type ImageRequestGranted = EventOf<typeof ImageRequestGranted>;

export const ImageRequestDeclined = defineEvent(
  "ImageRequestDeclined",
  z.object({
    requestId: IdSchema,
    reason: ImageDeclineReasonSchema,
    inReplyTo: IdSchema,
    declinedAt: InstantSchema,
    causedBy: CausedBySchema,
  }),
  { version: 2, upcasters: fromLinearConversation },
);
export type ImageRequestDeclined = EventOf<typeof ImageRequestDeclined>;

export const MEMORY_SUMMARY_LEFT_OUT_MAX = 200;

/**
 * Long-term memory: a summary of the stream's revisions `coversFromRevision..coversToRevision`
 * (of the messages there that lie on the path of `causedBy`). A summary that `rewrites` a
 * withdrawn one covers the same stretch without the messages it `leavesOut` (those that told a
 * fact since forgotten or corrected); it stands in for the withdrawn one and moves nothing on.
 * Version 2 has neither.
 */
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
      causedBy: CausedBySchema,
      rewrites: IdSchema.optional(),
      leavesOut: z.array(IdSchema).min(1).max(MEMORY_SUMMARY_LEFT_OUT_MAX).optional(),
    })
    .refine((s) => s.coversFromRevision <= s.coversToRevision, { message: "the range runs backwards" })
    .refine((s) => (s.rewrites === undefined) === (s.leavesOut === undefined), {
      message: "a rewrite names the summary it rewrites and the messages it leaves out",
    }),
  { version: 3, upcasters: { ...fromLinearConversation, 2: (data) => data } },
);
export type MemorySummarized = EventOf<typeof MemorySummarized>;
