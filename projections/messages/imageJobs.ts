import type { ImageJobEvent } from "../../src/domain/imageJob/events.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import type { ProjectedOf, RowStore } from "../runner/projection.ts";
import { blankMessage, type MessageImageJobRow, messageImageJobs, messages } from "./rows.ts";
import { attachToTurn, attachToTurnKnown, type Place } from "./tree.ts";

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
  const job = await messageImageJobs.get(rows, { image_job_id: event.data.imageJobId });
  const updated = updatedJob(job, event);
  if (!updated) return;
  messageImageJobs.put(rows, updated);
  if (updated.stream_id === null || updated.seq === null) return;
  await messages.patch(rows, { stream_id: updated.stream_id, seq: updated.seq }, imageFields(updated));
}

/** `evolveImageJob` without a promise: false, having written nothing, when a row has to be read. */
export function evolveImageJobKnown(event: ImageJobProjected, rows: RowStore): boolean {
  const job = messageImageJobs.getKnown(rows, { image_job_id: event.data.imageJobId });
  if (job === undefined) return false;
  const updated = updatedJob(job ?? undefined, event);
  if (!updated) return true;
  const { stream_id, seq } = updated;
  const message = stream_id !== null && seq !== null ? messages.getKnown(rows, { stream_id, seq }) : null;
  if (message === undefined) return false;
  messageImageJobs.put(rows, updated);
  if (message) messages.put(rows, { ...message, ...imageFields(updated) });
  return true;
}

/** The job after the event; undefined when the event is of no job an image message follows. */
function updatedJob(job: MessageImageJobRow | undefined, event: ImageJobProjected) {
  if (event.type === "ImageJobRequested") {
    if (event.data.kind !== "variation") return undefined;
    job ??= unlinkedJob(event.data.imageJobId);
  }
  return job && applyJobEvent(job, event);
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
  const place = await attachToTurn(rows, stream, data.causedBy, seq);
  const job = await messageImageJobs.get(rows, { image_job_id: data.imageJobId });
  putImage(data, stream, seq, rows, place, job);
}

/** `grantImage` without a promise: false, having written nothing, when a row has to be read. */
export function grantImageKnown(
  data: Parameters<typeof grantImage>[0],
  stream: string,
  seq: number,
  rows: RowStore,
) {
  // Read first: attaching writes, and the job is of another table.
  const job = messageImageJobs.getKnown(rows, { image_job_id: data.imageJobId });
  if (job === undefined) return false;
  const place = attachToTurnKnown(rows, stream, data.causedBy, seq);
  if (!place) return false;
  putImage(data, stream, seq, rows, place, job ?? undefined);
  return true;
}

function putImage(
  data: Parameters<typeof grantImage>[0],
  stream: string,
  seq: number,
  rows: RowStore,
  place: Place,
  known: MessageImageJobRow | undefined,
): void {
  const { requestId, imageJobId, scenePrompt, inReplyTo, grantedAt } = data;
  const job = known ?? unlinkedJob(imageJobId);
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
