import { DomainError } from "../shared/decider.ts";
import { isMediaUrl } from "../shared/schemas.ts";
import { addSeconds, isBefore } from "../shared/time.ts";
import type { CompleteImageJob, FailImageJob, ReportImageJobProgress, SubmitImageJob } from "./commands.ts";
import type { ImageJobEvent } from "./events.ts";
import type { ImageJobState } from "./state.ts";

/** One attempt at a time: submitted, progressing, then succeeded, failed, or a retry scheduled. */

/** Wait before attempt n+1: 15 s, then 60 s, then 240 s… */
export function retryDelaySeconds(failedAttempt: number): number {
  return 15 * 4 ** (failedAttempt - 1);
}

export function submit(command: SubmitImageJob, state: ImageJobState): ImageJobEvent[] {
  if (command.attempt === state.submittedAttempt)
    throw new DomainError(
      "ImageJobAttemptAlreadySubmitted",
      "CONFLICT",
      `Attempt ${command.attempt} of this image job is submitted already.`,
    );
  if (command.attempt !== state.attempt)
    throw new DomainError(
      "ImageJobAttemptMismatch",
      "CONFLICT",
      `Submit attempt ${state.attempt} of this image job.`,
    );
  if (state.retryNotBefore && isBefore(command.now, state.retryNotBefore))
    throw new DomainError(
      "ImageJobRetryNotDue",
      "RATE_LIMITED",
      `Wait until ${state.retryNotBefore} before retrying this image job.`,
    );
  const { provider, providerRequestId, attempt, now } = command;
  return [
    {
      type: "ImageJobSubmitted",
      data: { imageJobId: state.imageJobId!, provider, providerRequestId, attempt, submittedAt: now },
    },
  ];
}

/** Polling repeats itself; a report that changes nothing writes nothing. */
export function progress(command: ReportImageJobProgress, state: ImageJobState): ImageJobEvent[] {
  requireCurrentRequest(command.providerRequestId, state);
  const { status, queuePosition, logs } = command;
  if (queuePosition !== undefined && !(Number.isInteger(queuePosition) && queuePosition >= 0))
    throw new DomainError(
      "ImageJobProgressInvalid",
      "BAD_USER_INPUT",
      "A queue position is a whole number from 0.",
    );
  const same = state.progress?.status === status && state.progress.queuePosition === (queuePosition ?? null);
  if (same && !logs?.length) return [];
  const data = { imageJobId: state.imageJobId!, attempt: state.attempt, status };
  return [
    {
      type: "ImageJobProgressed",
      data: {
        ...data,
        ...(queuePosition === undefined ? {} : { queuePosition }),
        ...(logs?.length ? { logs: logs.slice(-20).map((line) => line.slice(0, 500)) } : {}),
      },
    },
  ];
}

export function complete(command: CompleteImageJob, state: ImageJobState): ImageJobEvent[] {
  requireCurrentRequest(command.providerRequestId, state);
  const { url, contentType, sizeBytes, width, height } = command;
  const positive = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n > 0);
  if (
    !isMediaUrl(url) ||
    !/^image\/[\w.+-]+$/.test(contentType) ||
    ![sizeBytes, width, height].every(positive)
  )
    throw new DomainError(
      "ImageResultInvalid",
      "BAD_USER_INPUT",
      "The stored image needs a URL, an image content type and a positive size.",
    );
  const data = {
    imageJobId: state.imageJobId!,
    attempt: state.attempt,
    url,
    contentType,
    sizeBytes,
    completedAt: command.now,
  };
  return [
    {
      type: "ImageJobSucceeded",
      data: {
        ...data,
        ...(width === undefined ? {} : { width }),
        ...(height === undefined ? {} : { height }),
      },
    },
  ];
}

export function fail(command: FailImageJob, state: ImageJobState): ImageJobEvent[] {
  if (command.attempt !== state.attempt)
    throw new DomainError(
      "ImageJobAttemptMismatch",
      "CONFLICT",
      `Attempt ${state.attempt} is the current attempt of this image job.`,
    );
  if (command.providerRequestId !== undefined) requireCurrentRequest(command.providerRequestId, state);
  const imageJobId = state.imageJobId!;
  const message = [...command.message].slice(0, 1000).join("");
  const { attempt, reason, retryable, now } = command;
  if (retryable && attempt < state.maxAttempts) {
    const notBefore = addSeconds(now, retryDelaySeconds(attempt));
    return [
      {
        type: "ImageJobRetryScheduled",
        data: { imageJobId, failedAttempt: attempt, attempt: attempt + 1, reason, message, notBefore },
      },
    ];
  }
  return [
    { type: "ImageJobFailed", data: { imageJobId, attempt, reason, message, retryable, failedAt: now } },
  ];
}

/** Reports about the provider's request for the current attempt; late news about an older one is refused. */
function requireCurrentRequest(providerRequestId: string, state: ImageJobState): void {
  if (state.status !== "submitted" && state.status !== "progressing")
    throw new DomainError(
      "ImageJobNotSubmitted",
      "CONFLICT",
      "This image job has not been submitted to a provider yet.",
    );
  if (providerRequestId !== state.providerRequestId)
    throw new DomainError(
      "StaleProviderRequest",
      "CONFLICT",
      "This report is about an earlier attempt of the image job and is ignored.",
    );
}
