import { z } from "zod";
import { instant, nullableInstant, rowTable } from "../runner/rowTables.ts";

export const IMAGE_JOB_STATUSES = [
  "requested",
  "submitted",
  "queued",
  "running",
  "retry_scheduled",
  "succeeded",
  "failed",
] as const;
export type ImageJobStatus = (typeof IMAGE_JOB_STATUSES)[number];

/** How many provider log lines a job keeps, newest last. */
export const KEPT_LOG_LINES = 10;

export const imageJobRow = z.object({
  id: z.string(),
  kind: z.enum(["basePortrait", "variation"]),
  agent_id: z.string(),
  user_id: z.string().nullable(),
  prompt: z.string(),
  base_portrait_url: z.string().nullable(),
  requested_by: z.string(),
  max_attempts: z.number(),
  status: z.enum(IMAGE_JOB_STATUSES),
  attempt: z.number(),
  provider: z.string().nullable(),
  provider_request_id: z.string().nullable(),
  queue_position: z.number().nullable(),
  logs: z.array(z.string()),
  url: z.string().nullable(),
  content_type: z.string().nullable(),
  size_bytes: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  failure_reason: z.string().nullable(),
  failure_message: z.string().nullable(),
  retryable: z.boolean().nullable(),
  retry_not_before: nullableInstant,
  requested_at: instant,
  updated_at: instant,
  completed_at: nullableInstant,
  revision: z.number(),
});
export type ImageJobRow = z.output<typeof imageJobRow>;

export const imageJobs = rowTable<ImageJobRow>("image_jobs");

export interface ImageJobView {
  id: string;
  kind: "basePortrait" | "variation";
  agentId: string;
  /** The person a variation is for; null for a base portrait. */
  userId: string | null;
  prompt: string;
  basePortraitUrl: string | null;
  requestedBy: string;
  status: ImageJobStatus;
  attempt: number;
  maxAttempts: number;
  provider: string | null;
  providerRequestId: string | null;
  queuePosition: number | null;
  /** The last few lines the provider logged. */
  logs: string[];
  result: {
    url: string;
    contentType: string;
    sizeBytes: number;
    width: number | null;
    height: number | null;
  } | null;
  /** The last failure: of the whole job when `failed`, of the previous attempt when a retry is scheduled. */
  failure: { reason: string; message: string; retryable: boolean } | null;
  retryNotBefore: string | null;
  requestedAt: string;
  updatedAt: string;
  completedAt: string | null;
  revision: number;
}

export function toImageJobView(row: ImageJobRow): ImageJobView {
  return {
    id: row.id,
    kind: row.kind,
    agentId: row.agent_id,
    userId: row.user_id,
    prompt: row.prompt,
    basePortraitUrl: row.base_portrait_url,
    requestedBy: row.requested_by,
    status: row.status,
    attempt: row.attempt,
    maxAttempts: row.max_attempts,
    provider: row.provider,
    providerRequestId: row.provider_request_id,
    queuePosition: row.queue_position,
    logs: row.logs,
    result:
      row.url && row.content_type && row.size_bytes !== null
        ? {
            url: row.url,
            contentType: row.content_type,
            sizeBytes: row.size_bytes,
            width: row.width,
            height: row.height,
          }
        : null,
    failure:
      row.failure_reason !== null
        ? {
            reason: row.failure_reason,
            message: row.failure_message ?? "",
            retryable: row.retryable ?? false,
          }
        : null,
    retryNotBefore: row.retry_not_before,
    requestedAt: row.requested_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    revision: row.revision,
  };
}
