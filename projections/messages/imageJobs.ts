import type { ImageJobEvent } from "../../src/domain/imageJob/events.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import type { ProjectedOf, RowStore } from "../runner/projection.ts";
import { blankMessage, type MessageImageJobRow, messageImageJobs, messages } from "./rows.ts";
import { attachToTurn } from "./tree.ts";

export type ImageJobProjected = ProjectedOf<ImageJobEvent>;

export const imageJobTypes = [
  "ImageJobRequested",
  "ImageJobSubmitted",
  "ImageJobProgressed",
  "ImageJobSucceeded",
  "ImageJobRetryScheduled",
  "ImageJobFailed",
] as const satisfies readonly ImageJobEvent["type"][];

export function unlinkedJob(imageJobId: string): MessageImageJobRow {
  return {
    image_job_id: imageJobId,
    stream_id: null,
    seq: null,
    status: "queued",
    attempt: null,
    url: null,
    width: null,
    height: null,
    failure_reason: null,
    retryable: null,
    updated_at: null,
  };
}

/**
 * Follows an image job of a granted request (variations only: base portraits are no message) and
 * mirrors its state onto the image message once the grant has linked the two; the two streams may
 * arrive in either order.
 */
export async function evolveImageJob(event: ImageJobProjected, rows: RowStore): Promise<void> {
  const key = { image_job_id: event.data.imageJobId };
  let job = await messageImageJobs.get(rows, key);
  if (event.type === "ImageJobRequested") {
    if (event.data.kind !== "variation") return;
    job ??= unlinkedJob(event.data.imageJobId);
  }
  if (!job) return;
  const updated = applyJobEvent(job, event);
  messageImageJobs.put(rows, updated);
  if (updated.stream_id === null || updated.seq === null) return;
  await messages.patch(rows, { stream_id: updated.stream_id, seq: updated.seq }, imageFields(updated));
}

/** The message columns an image job decides. */
export function imageFields(job: MessageImageJobRow) {
  return {
    status: job.status,
    attempt: job.attempt,
    image_url: job.url,
    image_width: job.width,
    image_height: job.height,
    failure_reason: job.failure_reason,
    retryable: job.retryable,
    ...(job.updated_at ? { updated_at: job.updated_at } : {}),
  };
}

function applyJobEvent(job: MessageImageJobRow, event: ImageJobProjected): MessageImageJobRow {
  switch (event.type) {
    case "ImageJobRequested":
      return { ...job, status: "queued", attempt: 1, updated_at: event.data.requestedAt };
    case "ImageJobSubmitted":
      return { ...job, status: "queued", attempt: event.data.attempt, updated_at: event.data.submittedAt };
    case "ImageJobProgressed":
      return { ...job, status: event.data.status, attempt: event.data.attempt, updated_at: event.occurredAt };
    case "ImageJobSucceeded": {
      const { attempt, url, width, height, completedAt } = event.data;
      return {
        ...job,
        status: "succeeded",
        attempt,
        url,
        width: width ?? null,
        height: height ?? null,
        updated_at: completedAt,
      };
    }
    case "ImageJobRetryScheduled":
      return { ...job, status: "queued", attempt: event.data.attempt, updated_at: event.occurredAt };
    case "ImageJobFailed": {
      const { attempt, reason, retryable, failedAt } = event.data;
      return {
        ...job,
        status: "failed",
        attempt,
        failure_reason: reason,
        retryable,
        updated_at: failedAt,
      };
    }
    default:
      return assertNever(event);
  }
}

/** A granted picture becomes an image message now, showing whatever its job has reached so far. */
export async function grantImage(
  data: {
    requestId: string;
    imageJobId: string;
    scenePrompt: string;
    inReplyTo: string;
    grantedAt: string;
    causedBy?: string | undefined;
  },
  stream: string,
  seq: number,
  rows: RowStore,
): Promise<void> {
  const { requestId, imageJobId, scenePrompt, inReplyTo, grantedAt } = data;
  const place = await attachToTurn(rows, stream, data.causedBy, seq);
  const job = (await messageImageJobs.get(rows, { image_job_id: imageJobId })) ?? unlinkedJob(imageJobId);
  const linked = { ...job, stream_id: stream, seq };
  messageImageJobs.put(rows, linked);
  const message = blankMessage(stream, seq, {
    message_id: requestId,
    kind: "image",
    role: "agent",
    status: "queued",
    in_reply_to: inReplyTo,
    image_job_id: imageJobId,
    image_prompt: scenePrompt,
    created_at: grantedAt,
    ...place,
  });
  messages.put(rows, { ...message, ...imageFields(linked), updated_at: grantedAt });
}
