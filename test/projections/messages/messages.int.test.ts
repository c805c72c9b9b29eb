import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagesProjection } from "../../../projections/messages/projection.ts";
import { getMessage, listMessages } from "../../../projections/messages/queries.ts";
import { topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { conversationStreamId, imageJobStreamId } from "../../support/domainEvents.ts";
import {
  at,
  imageDeclined,
  imageGranted,
  imageJob,
  initiated,
  replyCompleted,
  replyFailed,
  replyStarted,
  sent,
  started,
} from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

const stream = conversationStreamId("u1", "noa");

describe("messages projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([messagesProjection]);
  });
  afterAll(() => h.close());

  it("builds the timeline: replies stream, fail and retry in place; images follow their jobs", async () => {
    const notices = h.listen(topics.conversation("u1", "noa"));
    const early = imageJob("job-early", "noa", "u1");
    await h.append(imageJobStreamId("job-early"), [early.requested, early.submitted(1)]);
    await h.append(stream, [
      started("u1", "noa"),
      sent("m1", "Hi Noa", 1),
      replyStarted("r1", "m1", 1),
      replyFailed("r1", "m1", 2),
      replyStarted("r1b", "m1", 3, 2),
    ]);
    await h.settle();
    expect(
      (await listMessages(h.pool, { userId: "u1", agentId: "noa" })).edges.map((e) => e.node),
    ).toMatchObject([
      { seq: 1, kind: "user", role: "user", text: "Hi Noa", status: "sent", clientMessageId: "c-m1" },
      { seq: 2, kind: "reply", role: "agent", messageId: "r1b", status: "streaming", attempt: 2, text: null },
    ]);

    const job = imageJob("job-1", "noa", "u1");
    await h.append(stream, [
      replyCompleted("r1b", "m1", "Hello! The café is busy.", 4),
      sent("m2", "Send me a picture?", 5),
      imageGranted("q1", "job-1", "m2", 5),
      imageDeclined("q2", "m2", 5),
      imageGranted("q3", "job-early", "m2", 6),
      initiated("i1", "Did you see the sunset?", 9),
    ]);
    await h.append(imageJobStreamId("job-1"), [job.requested, job.submitted(1), job.running]);
    await h.settle();
    const running = await listMessages(h.pool, { userId: "u1", agentId: "noa", last: 3 });
    expect(running.edges.map((e) => [e.node.seq, e.node.kind, e.node.status])).toEqual([
      [8, "image_declined", "declined"],
      [9, "image", "queued"],
      [10, "initiated", "sent"],
    ]);
    expect(running.pageInfo).toEqual({
      hasPreviousPage: true,
      hasNextPage: false,
      startCursor: "8",
      endCursor: "10",
    });

    await h.append(imageJobStreamId("job-1"), [job.succeeded]);
    await h.append(imageJobStreamId("job-early"), [early.failed]);
    await h.settle();
    const older = await listMessages(h.pool, { userId: "u1", agentId: "noa", last: 10, before: "8" });
    expect(older.pageInfo.hasPreviousPage).toBe(false);
    expect(older.edges.map((e) => e.node)).toMatchObject([
      { seq: 1, kind: "user" },
      {
        seq: 2,
        kind: "reply",
        status: "completed",
        text: "Hello! The café is busy.",
        attempt: 2,
        updatedAt: at(4),
      },
      { seq: 6, kind: "user", text: "Send me a picture?" },
      {
        seq: 7,
        kind: "image",
        role: "agent",
        status: "succeeded",
        inReplyTo: "m2",
        image: {
          imageJobId: "job-1",
          url: "/media/jobs/job-1.png",
          width: 512,
          height: 768,
          prompt: "At the café counter",
        },
        updatedAt: at(8),
      },
    ]);
    expect(await getMessage(h.pool, { userId: "u1", agentId: "noa", messageId: "q2" })).toMatchObject({
      kind: "image_declined",
      declineReason: "too_soon",
      inReplyTo: "m2",
    });
    expect(await getMessage(h.pool, { userId: "u1", agentId: "noa", messageId: "q3" })).toMatchObject({
      status: "failed",
      failureReason: "rejected",
      retryable: false,
    });
    await expect(listMessages(h.pool, { userId: "u1", agentId: "noa", before: "x" })).rejects.toThrow(
      /cursor/,
    );

    await eventually(async () => notices.length >= 15);
    expect(notices.every((n) => n.kind === "message.upserted")).toBe(true);
    const last = notices.at(-1)?.payload;
    expect(last).toMatchObject({
      seq: 9,
      status: "failed",
      userId: "u1",
      agentId: "noa",
      conversationStreamId: stream,
      streamId: imageJobStreamId("job-early"),
      revision: 2,
    });
  });
});
