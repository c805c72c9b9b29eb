import { describe, expect, it } from "vitest";
import { imageJobDecider, retryDelaySeconds } from "../../../src/domain/imageJob/decider.ts";
import type { ImageJobEvent } from "../../../src/domain/imageJob/events.ts";
import { imageJobStreamId } from "../../../src/domain/streamIds.ts";
import { spec } from "../../support/deciderSpec.ts";
import {
  failed,
  imageJobId,
  progressed,
  requested,
  retryScheduled,
  submitted,
  succeeded,
  t0,
  t1,
  t2,
} from "./fixtures.ts";

const job = spec(imageJobDecider);

describe("FailImageJob", () => {
  const command = {
    type: "FailImageJob",
    imageJobId,
    attempt: 1,
    providerRequestId: "req-1",
    reason: "timeout",
    message: "No answer in time.",
    retryable: true,
    now: t0,
  } as const;

  it("schedules a retry after a retryable failure with attempts left", () => {
    job
      .given([requested, submitted(1)])
      .when(command)
      .then([retryScheduled]);
  });

  it("schedules a retry when the submission itself failed", () => {
    const { providerRequestId: _, ...submission } = command;
    job.given([requested]).when(submission).then([retryScheduled]);
  });

  it("fails the job when the failure is not retryable", () => {
    job
      .given([requested, submitted(1)])
      .when({ ...command, reason: "rejected", message: "Not allowed.", retryable: false, now: t1 })
      .then([failed]);
  });

  it("fails the job once the last attempt fails", () => {
    const secondRetry: ImageJobEvent = {
      ...retryScheduled,
      data: { ...retryScheduled.data, failedAttempt: 2, attempt: 3 },
    } as ImageJobEvent;
    job
      .given([requested, submitted(1), retryScheduled, submitted(2), secondRetry, submitted(3)])
      .when({ ...command, attempt: 3, providerRequestId: "req-3", now: t2 })
      .then([
        {
          type: "ImageJobFailed",
          data: {
            imageJobId,
            attempt: 3,
            reason: "timeout",
            message: "No answer in time.",
            retryable: true,
            failedAt: t2,
          },
        },
      ]);
  });

  it("rejects an unknown job", () => {
    job.given([]).when(command).thenRejects("ImageJobNotFound", "NOT_FOUND");
  });

  it("rejects failing a finished job", () => {
    job
      .given([requested, submitted(1), succeeded])
      .when(command)
      .thenRejects("ImageJobAlreadyFinished", "CONFLICT");
  });

  it("rejects a failure of another attempt", () => {
    job
      .given([requested, submitted(1)])
      .when({ ...command, attempt: 2 })
      .thenRejects("ImageJobAttemptMismatch", "CONFLICT");
  });

  it("rejects a failure reported for an earlier provider request", () => {
    job
      .given([requested, submitted(1), retryScheduled, submitted(2)])
      .when({ ...command, attempt: 2 })
      .thenRejects("StaleProviderRequest", "CONFLICT");
  });
});

describe("image job state", () => {
  it("walks requested → submitted → progressing → succeeded", () => {
    let state = imageJobDecider.initialState();
    const statuses: string[] = [];
    for (const event of [requested, submitted(1), progressed, succeeded]) {
      state = imageJobDecider.evolve(state, event);
      statuses.push(state.status);
    }
    expect(statuses).toEqual(["requested", "submitted", "progressing", "succeeded"]);
    expect(state.result).toEqual({
      url: "/media/jobs/job-1.png",
      contentType: "image/png",
      sizeBytes: 1234,
      width: 512,
      height: 768,
    });
  });

  it("backs off longer after each failed attempt", () => {
    expect([1, 2, 3].map(retryDelaySeconds)).toEqual([15, 60, 240]);
  });

  it("names one stream per job", () => {
    expect(imageJobStreamId(imageJobId)).toBe("imagejob-job-1");
  });
});
