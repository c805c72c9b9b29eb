import type { ImageJobFailureReason, ImageJobKind } from "./events.ts";

export interface RequestImageJob {
  type: "RequestImageJob";
  imageJobId: string;
  kind: ImageJobKind;
  agentId: string;
  userId?: string;
  prompt: string;
  basePortraitUrl?: string;
  requestedBy: string;
  /** Attempts allowed in all, the first included; a default applies when left out. */
  maxAttempts?: number;
  now: string;
}

/** The provider accepted attempt `attempt` under its own request id. */
export interface SubmitImageJob {
  type: "SubmitImageJob";
  imageJobId: string;
  provider: string;
  providerRequestId: string;
  attempt: number;
  now: string;
}

export interface ReportImageJobProgress {
  type: "ReportImageJobProgress";
  imageJobId: string;
  providerRequestId: string;
  status: "queued" | "running";
  queuePosition?: number;
  logs?: readonly string[];
  now: string;
}

/** The image is stored; `url` is where it is served from. */
export interface CompleteImageJob {
  type: "CompleteImageJob";
  imageJobId: string;
  providerRequestId: string;
  url: string;
  contentType: string;
  sizeBytes: number;
  width?: number;
  height?: number;
  now: string;
}

/** Attempt `attempt` failed; the decider schedules another one or ends the job. */
export interface FailImageJob {
  type: "FailImageJob";
  imageJobId: string;
  attempt: number;
  /** Given when the failure was reported for a request the provider accepted. */
  providerRequestId?: string;
  reason: ImageJobFailureReason;
  message: string;
  retryable: boolean;
  now: string;
}

export type ImageJobCommand =
  | RequestImageJob
  | SubmitImageJob
  | ReportImageJobProgress
  | CompleteImageJob
  | FailImageJob;
