import { describe, it } from "vitest";
import { imageJobDecider } from "../../../src/domain/imageJob/decider.ts";
import { spec } from "../../support/deciderSpec.ts";
import { imageJobId, requested, retryScheduled, submitted, succeeded, t0, t1 } from "./fixtures.ts";

const job = spec(imageJobDecider);

describe("RequestImageJob", () => {
  const command = {
    type: "RequestImageJob",
    imageJobId,
    kind: "variation",
    agentId: "a1",
    userId: "u1",
    prompt: " Selfie at the café counter ",
    basePortraitUrl: "/media/a1/portrait.png",
    requestedBy: "u1",
    now: t0,
  } as const;

  it("requests a variation with the default number of attempts", () => {
    job.given([]).when(command).then([requested]);
  });

  it("requests a base portrait without a person or a base image", () => {
    job
      .given([])
      .when({
        type: "RequestImageJob",
        imageJobId,
        kind: "basePortrait",
        agentId: "a1",
        prompt: "Portrait",
        requestedBy: "admin",
        maxAttempts: 1,
        now: t0,
      })
      .then([
        {
          type: "ImageJobRequested",
          data: {
            imageJobId,
            kind: "basePortrait",
            agentId: "a1",
            prompt: "Portrait",
            requestedBy: "admin",
            maxAttempts: 1,
            requestedAt: t0,
          },
        },
      ]);
  });

  it("rejects a job that exists already", () => {
    job.given([requested]).when(command).thenRejects("ImageJobAlreadyRequested", "CONFLICT");
  });

  it("rejects an empty prompt", () => {
    job
      .given([])
      .when({ ...command, prompt: " " })
      .thenRejects("ImagePromptInvalid", "BAD_USER_INPUT");
  });

  it("rejects a variation without a base portrait", () => {
    job
      .given([])
      .when({ ...command, basePortraitUrl: undefined })
      .thenRejects("BasePortraitRequired", "BAD_USER_INPUT");
  });

  it("rejects a base portrait that is not a URL", () => {
    job
      .given([])
      .when({ ...command, basePortraitUrl: "file:///etc/passwd" })
      .thenRejects("InvalidImageUrl", "BAD_USER_INPUT");
  });

  it.each([0, 6, 2.5])("rejects %s attempts", (maxAttempts) => {
    job
      .given([])
      .when({ ...command, maxAttempts })
      .thenRejects("ImageJobAttemptsInvalid", "BAD_USER_INPUT");
  });
});

describe("SubmitImageJob", () => {
  const command = {
    type: "SubmitImageJob",
    imageJobId,
    provider: "fal",
    providerRequestId: "req-1",
    attempt: 1,
    now: t0,
  } as const;

  it("submits the first attempt", () => {
    job
      .given([requested])
      .when(command)
      .then([submitted(1)]);
  });

  it("submits the next attempt once its retry is due", () => {
    job
      .given([requested, submitted(1), retryScheduled])
      .when({ ...command, providerRequestId: "req-2", attempt: 2, now: "2025-05-01T10:00:15.000Z" })
      .then([
        {
          type: "ImageJobSubmitted",
          data: {
            imageJobId,
            provider: "fal",
            providerRequestId: "req-2",
            attempt: 2,
            submittedAt: "2025-05-01T10:00:15.000Z",
          },
        },
      ]);
  });

  it("rejects an unknown job", () => {
    job.given([]).when(command).thenRejects("ImageJobNotFound", "NOT_FOUND");
  });

  it("rejects a finished job", () => {
    job
      .given([requested, submitted(1), succeeded])
      .when(command)
      .thenRejects("ImageJobAlreadyFinished", "CONFLICT");
  });

  it("rejects submitting the same attempt twice", () => {
    job
      .given([requested, submitted(1)])
      .when({ ...command, providerRequestId: "req-x" })
      .thenRejects("ImageJobAttemptAlreadySubmitted", "CONFLICT");
  });

  it("rejects an attempt that is not the current one", () => {
    job
      .given([requested])
      .when({ ...command, attempt: 2 })
      .thenRejects("ImageJobAttemptMismatch", "CONFLICT");
  });

  it("rejects a retry before it is due", () => {
    job
      .given([requested, submitted(1), retryScheduled])
      .when({ ...command, providerRequestId: "req-2", attempt: 2, now: t1 })
      .thenRejects("ImageJobRetryNotDue", "RATE_LIMITED");
  });
});
