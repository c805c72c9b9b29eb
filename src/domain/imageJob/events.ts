import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { IdSchema, InstantSchema, MediaUrlSchema, textSchema } from "../shared/schemas.ts";

export const PROMPT_MAX = 2000;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const MAX_ATTEMPTS_LIMIT = 5;

export const ImageJobKindSchema = z.enum(["basePortrait", "variation"]);
export type ImageJobKind = z.output<typeof ImageJobKindSchema>;

export const ImageJobFailureReasonSchema = z.enum([
  "timeout",
  "provider_error",
  "rate_limited",
  "rejected",
  "invalid_output",
  "storage_error",
]);
export type ImageJobFailureReason = z.output<typeof ImageJobFailureReasonSchema>;

export const ImageJobRequested = defineEvent(
  "ImageJobRequested",
  z
    .object({
      imageJobId: IdSchema,
      kind: ImageJobKindSchema,
      agentId: IdSchema,
      /** The person a variation is for; absent for an agent's base portrait. */
      userId: IdSchema.optional(),
      prompt: textSchema(1, PROMPT_MAX),
      /** What a variation starts from. */
      basePortraitUrl: MediaUrlSchema.optional(),
      requestedBy: IdSchema,
      maxAttempts: z.int().min(1).max(MAX_ATTEMPTS_LIMIT),
      requestedAt: InstantSchema,
    })
    .refine((job) => job.kind !== "variation" || job.basePortraitUrl !== undefined, {
      message: "a variation needs a base portrait",
    }),
);
export type ImageJobRequested = EventOf<typeof ImageJobRequested>;

export const ImageJobSubmitted = defineEvent(
  "ImageJobSubmitted",
  z.object({
    imageJobId: IdSchema,
    provider: z.string().min(1).max(100),
    providerRequestId: z.string().min(1).max(500),
    attempt: z.int().min(1),
    submittedAt: InstantSchema,
  }),
);
export type ImageJobSubmitted = EventOf<typeof ImageJobSubmitted>;

export const ImageJobProgressed = defineEvent(
  "ImageJobProgressed",
  z.object({
    imageJobId: IdSchema,
    attempt: z.int().min(1),
    status: z.enum(["queued", "running"]),
    queuePosition: z.int().min(0).optional(),
    logs: z.array(z.string().max(500)).max(20).optional(),
  }),
);
export type ImageJobProgressed = EventOf<typeof ImageJobProgressed>;

export const ImageJobSucceeded = defineEvent(
  "ImageJobSucceeded",
  z.object({
    imageJobId: IdSchema,
    attempt: z.int().min(1),
    url: MediaUrlSchema,
    contentType: z.string().regex(/^image\/[\w.+-]+$/),
    sizeBytes: z.int().min(1),
    width: z.int().min(1).optional(),
    height: z.int().min(1).optional(),
    completedAt: InstantSchema,
  }),
);
export type ImageJobSucceeded = EventOf<typeof ImageJobSucceeded>;

/** An attempt failed and another one is due from `notBefore`. */
export const ImageJobRetryScheduled = defineEvent(
  "ImageJobRetryScheduled",
  z.object({
    imageJobId: IdSchema,
    failedAttempt: z.int().min(1),
    attempt: z.int().min(2),
    reason: ImageJobFailureReasonSchema,
    message: z.string().max(1000),
    notBefore: InstantSchema,
  }),
);
export type ImageJobRetryScheduled = EventOf<typeof ImageJobRetryScheduled>;

/** The job is over without an image; `retryable` says whether asking again could help. */
export const ImageJobFailed = defineEvent(
  "ImageJobFailed",
  z.object({
    imageJobId: IdSchema,
    attempt: z.int().min(1),
    reason: ImageJobFailureReasonSchema,
    message: z.string().max(1000),
    retryable: z.boolean(),
    failedAt: InstantSchema,
  }),
);
export type ImageJobFailed = EventOf<typeof ImageJobFailed>;

export const imageJobEventDefinitions = [
  ImageJobRequested,
  ImageJobSubmitted,
  ImageJobProgressed,
  ImageJobSucceeded,
  ImageJobRetryScheduled,
  ImageJobFailed,
] as const;

export type ImageJobEvent =
  | ImageJobRequested
  | ImageJobSubmitted
  | ImageJobProgressed
  | ImageJobSucceeded
  | ImageJobRetryScheduled
  | ImageJobFailed;
