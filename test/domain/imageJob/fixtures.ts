import type { ImageJobEvent } from "../../../src/domain/imageJob/events.ts";

export const imageJobId = "job-1";
export const t0 = "2025-05-01T10:00:00.000Z";
export const t1 = "2025-05-01T10:00:05.000Z";
export const t2 = "2025-05-01T10:01:00.000Z";

export const requested: ImageJobEvent = {
  type: "ImageJobRequested",
  data: {
    imageJobId,
    kind: "variation",
    agentId: "a1",
    userId: "u1",
    prompt: "Selfie at the café counter",
    basePortraitUrl: "/media/a1/portrait.png",
    requestedBy: "u1",
    maxAttempts: 3,
    requestedAt: t0,
  },
};
export const submitted = (attempt = 1): ImageJobEvent => ({
  type: "ImageJobSubmitted",
  data: { imageJobId, provider: "fal", providerRequestId: `req-${attempt}`, attempt, submittedAt: t0 },
});
export const progressed: ImageJobEvent = {
  type: "ImageJobProgressed",
  data: { imageJobId, attempt: 1, status: "queued", queuePosition: 2 },
};
export const retryScheduled: ImageJobEvent = {
  type: "ImageJobRetryScheduled",
  data: {
    imageJobId,
    failedAttempt: 1,
    attempt: 2,
    reason: "timeout",
    message: "No answer in time.",
    notBefore: "2025-05-01T10:00:15.000Z",
  },
};
export const succeeded: ImageJobEvent = {
  type: "ImageJobSucceeded",
  data: {
    imageJobId,
    attempt: 1,
    url: "/media/jobs/job-1.png",
    contentType: "image/png",
    sizeBytes: 1234,
    width: 512,
    height: 768,
    completedAt: t1,
  },
};
export const failed: ImageJobEvent = {
  type: "ImageJobFailed",
  data: {
    imageJobId,
    attempt: 1,
    reason: "rejected",
    message: "Not allowed.",
    retryable: false,
    failedAt: t1,
  },
};
