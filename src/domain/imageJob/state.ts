import { assertNever } from "../shared/decider.ts";
import type { ImageJobEvent, ImageJobFailureReason, ImageJobKind } from "./events.ts";

/**
 * requested → submitted → progressing → succeeded | failed; a failed attempt with attempts left
 * goes to retryScheduled, then submitted again with the next attempt number.
 */
export type ImageJobStatus =
  | "absent"
  | "requested"
  | "submitted"
  | "progressing"
  | "retryScheduled"
  | "succeeded"
  | "failed";

export interface ImageJobResult {
  url: string;
  contentType: string;
  sizeBytes: number;
  width?: number;
  height?: number;
}

export interface ImageJobState {
  status: ImageJobStatus;
  imageJobId: string | null;
  kind: ImageJobKind | null;
  agentId: string | null;
  userId: string | null;
  prompt: string | null;
  basePortraitUrl: string | null;
  maxAttempts: number;
  /** The attempt under way or due next (1 from the request on). */
  attempt: number;
  /** The last attempt the provider accepted; 0 before any. */
  submittedAttempt: number;
  provider: string | null;
  providerRequestId: string | null;
  progress: { status: "queued" | "running"; queuePosition: number | null } | null;
  retryNotBefore: string | null;
  result: ImageJobResult | null;
  failure: { reason: ImageJobFailureReason; message: string; retryable: boolean } | null;
}

export function initialImageJobState(): ImageJobState {
  return {
    status: "absent",
    imageJobId: null,
    kind: null,
    agentId: null,
    userId: null,
    prompt: null,
    basePortraitUrl: null,
    maxAttempts: 0,
    attempt: 0,
    submittedAttempt: 0,
    provider: null,
    providerRequestId: null,
    progress: null,
    retryNotBefore: null,
    result: null,
    failure: null,
  };
}

export function evolveImageJob(state: ImageJobState, event: ImageJobEvent): ImageJobState {
  switch (event.type) {
    case "ImageJobRequested": {
      const { imageJobId, kind, agentId, userId, prompt, basePortraitUrl, maxAttempts } = event.data;
      return {
        ...state,
        status: "requested",
        imageJobId,
        kind,
        agentId,
        userId: userId ?? null,
        prompt,
        basePortraitUrl: basePortraitUrl ?? null,
        maxAttempts,
        attempt: 1,
      };
    }
    case "ImageJobSubmitted":
      return {
        ...state,
        status: "submitted",
        submittedAttempt: event.data.attempt,
        provider: event.data.provider,
        providerRequestId: event.data.providerRequestId,
        progress: null,
        retryNotBefore: null,
      };
    case "ImageJobProgressed":
      return {
        ...state,
        status: "progressing",
        progress: { status: event.data.status, queuePosition: event.data.queuePosition ?? null },
      };
    case "ImageJobSucceeded": {
      const { url, contentType, sizeBytes, width, height } = event.data;
      const result: ImageJobResult = { url, contentType, sizeBytes };
      if (width !== undefined) result.width = width;
      if (height !== undefined) result.height = height;
      return { ...state, status: "succeeded", result };
    }
    case "ImageJobRetryScheduled":
      return {
        ...state,
        status: "retryScheduled",
        attempt: event.data.attempt,
        providerRequestId: null,
        progress: null,
        retryNotBefore: event.data.notBefore,
        failure: { reason: event.data.reason, message: event.data.message, retryable: true },
      };
    case "ImageJobFailed": {
      const { reason, message, retryable } = event.data;
      return { ...state, status: "failed", failure: { reason, message, retryable } };
    }
    default:
      return assertNever(event);
  }
}

export function isFinished(state: ImageJobState): boolean {
  return state.status === "succeeded" || state.status === "failed";
}
