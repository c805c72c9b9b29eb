import { describe, it } from "vitest";
import { imageJobDecider } from "../../../src/domain/imageJob/decider.ts";
import type { ImageJobEvent } from "../../../src/domain/imageJob/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import {
  failed,
  imageJobId,
  progressed,
  requested,
  retryScheduled,
  submitted,
  succeeded,
  t1,
} from "./fixtures.ts";

const job = spec(imageJobDecider);

describe("ReportImageJobProgress", () => {
  const command = {
    type: "ReportImageJobProgress",
    imageJobId,
    providerRequestId: "req-1",
    status: "queued",
    queuePosition: 2,
    now: t1,
  } as const;

  it("records progress of the current attempt", () => {
    job
      .given([requested, submitted(1)])
      .when(command)
      .then([progressed]);
  });

  it("writes nothing for a report that changes nothing", () => {
    job
      .given([requested, submitted(1), progressed])
      .when(command)
      .then([]);
  });

  it("keeps new log lines even when the status is the same", () => {
    job
      .given([requested, submitted(1), progressed])
      .when({ ...command, logs: ["step 3/20"] })
      .then([
        { type: "ImageJobProgressed", data: { ...progressed.data, logs: ["step 3/20"] } } as ImageJobEvent,
      ]);
  });

  it("rejects an unknown job", () => {
    job.given([]).when(command).thenRejects("ImageJobNotFound", "NOT_FOUND");
  });

  it("rejects a finished job", () => {
    job
      .given([requested, submitted(1), failed])
      .when(command)
      .thenRejects("ImageJobAlreadyFinished", "CONFLICT");
  });

  it("rejects progress before submission", () => {
    job.given([requested]).when(command).thenRejects("ImageJobNotSubmitted", "CONFLICT");
  });

  it("rejects news about an earlier attempt", () => {
    job
      .given([requested, submitted(1), retryScheduled, submitted(2)])
      .when(command)
      .thenRejects("StaleProviderRequest", "CONFLICT");
  });

  it("rejects a negative queue position", () => {
    job
      .given([requested, submitted(1)])
      .when({ ...command, queuePosition: -1 })
      .thenRejects("ImageJobProgressInvalid", "BAD_USER_INPUT");
  });
});

describe("CompleteImageJob", () => {
  const command = {
    type: "CompleteImageJob",
    imageJobId,
    providerRequestId: "req-1",
    url: "/media/jobs/job-1.png",
    contentType: "image/png",
    sizeBytes: 1234,
    width: 512,
    height: 768,
    now: t1,
  } as const;

  it("completes the job with the stored image", () => {
    job
      .given([requested, submitted(1), progressed])
      .when(command)
      .then([succeeded]);
  });

  it("rejects an unknown job", () => {
    job.given([]).when(command).thenRejects("ImageJobNotFound", "NOT_FOUND");
  });

  it("rejects completing twice", () => {
    job
      .given([requested, submitted(1), succeeded])
      .when(command)
      .thenRejects("ImageJobAlreadyFinished", "CONFLICT");
  });

  it("rejects completing a job never submitted", () => {
    job.given([requested]).when(command).thenRejects("ImageJobNotSubmitted", "CONFLICT");
  });

  it("rejects a result from an earlier attempt", () => {
    job
      .given([requested, submitted(1), retryScheduled, submitted(2)])
      .when(command)
      .thenRejects("StaleProviderRequest", "CONFLICT");
  });

  it.each([{ contentType: "text/html" }, { sizeBytes: 0 }, { url: "nope" }, { width: -3 }])(
    "rejects the result %j",
    (change) => {
      job
        .given([requested, submitted(1)])
        .when({ ...command, ...change })
        .thenRejects("ImageResultInvalid", "BAD_USER_INPUT");
    },
  );
});
