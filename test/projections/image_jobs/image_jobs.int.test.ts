import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageJobsProjection } from "../../../projections/image_jobs/projection.ts";
import {
  getImageJob,
  listImageJobIdsOfUser,
  listImageJobsForAgent,
  listImageUrlsOfUser,
  listImageUrlsOnlyOfUser,
  listRecentImageJobs,
} from "../../../projections/image_jobs/queries.ts";
import type { ImageJobEvent } from "../../../src/domain/imageJob/events.ts";
import { topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { imageJobStreamId } from "../../support/domainEvents.ts";
import { at, imageJob } from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

const portrait: ImageJobEvent = {
  type: "ImageJobRequested",
  data: {
    imageJobId: "portrait-1",
    kind: "basePortrait",
    agentId: "noa",
    prompt: "Short dark hair, freckles",
    requestedBy: "admin-1",
    maxAttempts: 2,
    requestedAt: at(1),
  },
};

describe("image_jobs projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([imageJobsProjection]);
  });
  afterAll(() => h.close());

  it("follows a job through submission, progress, retries and its result", async () => {
    const notices = h.listen(topics.imageJob("job-1"));
    const job = imageJob("job-1", "noa", "u1");
    await h.append(
      imageJobStreamId("job-1"),
      [
        job.requested,
        job.submitted(1),
        {
          type: "ImageJobProgressed",
          data: { imageJobId: "job-1", attempt: 1, status: "queued", queuePosition: 3 },
        },
        job.running,
        {
          type: "ImageJobRetryScheduled",
          data: {
            imageJobId: "job-1",
            failedAttempt: 1,
            attempt: 2,
            reason: "timeout",
            message: "No answer in time.",
            notBefore: at(7),
          },
        },
      ],
      at(6),
    );
    await h.append(imageJobStreamId("portrait-1"), [portrait], at(1));
    await h.settle();
    expect(await getImageJob(h.pool, { id: "job-1" })).toMatchObject({
      kind: "variation",
      userId: "u1",
      status: "retry_scheduled",
      attempt: 2,
      maxAttempts: 3,
      provider: "fal",
      providerRequestId: null,
      logs: ["warming up", "drawing"],
      failure: { reason: "timeout", message: "No answer in time.", retryable: true },
      retryNotBefore: at(7),
      result: null,
      completedAt: null,
    });

    await h.append(
      imageJobStreamId("job-1"),
      [
        job.submitted(2),
        {
          type: "ImageJobProgressed",
          data: {
            imageJobId: "job-1",
            attempt: 2,
            status: "running",
            logs: Array.from({ length: 12 }, (_, i) => `step ${i}`),
          },
        },
        { ...job.succeeded, data: { ...job.succeeded.data, attempt: 2 } } as ImageJobEvent,
      ],
      at(8),
    );
    await h.settle();
    const done = await getImageJob(h.pool, { id: "job-1" });
    expect(done).toMatchObject({
      status: "succeeded",
      attempt: 2,
      providerRequestId: "req-2",
      queuePosition: null,
      result: {
        url: "/media/jobs/job-1.png",
        contentType: "image/png",
        sizeBytes: 1234,
        width: 512,
        height: 768,
      },
      requestedAt: at(5),
      completedAt: at(8),
      updatedAt: at(8),
      revision: 7,
    });
    expect(done?.logs).toHaveLength(10);
    expect(done?.logs.at(-1)).toBe("step 11");
    expect((await listImageJobsForAgent(h.pool, { agentId: "noa" })).map((j) => j.id)).toEqual([
      "job-1",
      "portrait-1",
    ]);
    expect((await listRecentImageJobs(h.pool, { status: "requested" })).map((j) => j.id)).toEqual([
      "portrait-1",
    ]);
    expect((await listRecentImageJobs(h.pool, { limit: 1 })).map((j) => j.id)).toEqual(["job-1"]);
    expect(await getImageJob(h.pool, { id: "nope" })).toBeNull();

    await eventually(async () => notices.length === 8);
    expect(notices.map((n) => n.payload.status)).toEqual([
      "requested",
      "submitted",
      "queued",
      "running",
      "retry_scheduled",
      "submitted",
      "running",
      "succeeded",
    ]);
    expect(notices[2]).toMatchObject({
      kind: "imagejob.updated",
      payload: { queuePosition: 3, revision: 2 },
    });
  });

  it("lists a person's pictures and image jobs, and for erasure leaves out a file another person's picture is too", async () => {
    const shared = "/media/jobs/same-bytes.png";
    const done = (id: string, user: string, url: string) => {
      const job = imageJob(id, "noa", user);
      return [job.requested, { ...job.succeeded, data: { ...job.succeeded.data, url } } as ImageJobEvent];
    };
    await h.append(imageJobStreamId("a-1"), done("a-1", "ann", shared), at(9));
    await h.append(imageJobStreamId("a-2"), done("a-2", "ann", "/media/jobs/ann-only.png"), at(9));
    await h.append(imageJobStreamId("b-1"), done("b-1", "bo", shared), at(9));
    await h.settle();
    expect((await listImageUrlsOfUser(h.pool, { userId: "ann" })).sort()).toEqual([
      "/media/jobs/ann-only.png",
      shared,
    ]);
    expect(await listImageUrlsOnlyOfUser(h.pool, { userId: "ann" })).toEqual(["/media/jobs/ann-only.png"]);
    expect(await listImageUrlsOnlyOfUser(h.pool, { userId: "bo" })).toEqual([]);
    expect((await listImageJobIdsOfUser(h.pool, { userId: "ann" })).sort()).toEqual(["a-1", "a-2"]);
  });
});
