import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationsProjection } from "../../../projections/conversations/projection.ts";
import {
  getConversation,
  listConversationsAwaitingReply,
  listConversationsForAgent,
  listConversationsForUser,
} from "../../../projections/conversations/queries.ts";
import { topics } from "../../../src/ports/liveBus.ts";
import { eventually } from "../../support/coreHarness.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import {
  affinityChanged,
  at,
  imageDeclined,
  imageGranted,
  initiated,
  moodShifted,
  replyCompleted,
  replyFailed,
  replyStarted,
  rewritten,
  sent,
  started,
  summariesWithdrawn,
  summarized,
} from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

describe("conversations projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([conversationsProjection]);
  });
  afterAll(() => h.close());

  it("keeps mood, affinity, the last message, counts and unread messages per conversation", async () => {
    const notices = h.listen(topics.conversation("u1", "noa"));
    await h.append(
      conversationStreamId("u1", "noa"),
      [
        started("u1", "noa"),
        sent("m1", "Hi Noa, how was your morning at the café?", 1),
        replyStarted("r1", "m1", 1),
        replyCompleted("r1", "m1", "Busy! Three cakes burned.", 2),
        moodShifted("playful", 0.7, null),
        affinityChanged(3, 3),
        sent("m2", "Send me a picture?", 3),
        imageGranted("q1", "job-1", "m2", 3),
        replyStarted("r2", "m2", 3),
        replyFailed("r2", "m2", 4),
        imageDeclined("q2", "m2", 4),
        summarized("s1", 0, 5),
      ],
      at(4),
    );
    await h.append(
      conversationStreamId("u1", "kai"),
      [
        started("u1", "kai"),
        sent("k1", "Hello Kai", 1),
        replyStarted("kr1", "k1", 1),
        replyCompleted("kr1", "k1", "Hey there.", 1),
        initiated("k2", "Thinking of you. The rain stopped.", 20),
        affinityChanged(-2, -2),
      ],
      at(20),
    );
    await h.append(conversationStreamId("u2", "noa"), [started("u2", "noa"), sent("x1", "Yo", 10)], at(10));
    await h.settle();

    const noa = await getConversation(h.pool, { userId: "u1", agentId: "noa" });
    expect(noa).toMatchObject({
      streamId: conversationStreamId("u1", "noa"),
      startedAt: at(0),
      mood: { mood: "playful", intensity: 0.7, reason: "feels playful", changedAt: at(4) },
      affinity: 3,
      lastMessage: { preview: null, at: at(3), role: "agent", kind: "image" },
      unreadCount: 1,
      messageCount: 3,
      userMessageCount: 2,
      agentMessageCount: 1,
      lastUserMessageAt: at(3),
      lastAgentMessageAt: at(2),
      replyStatus: "failed",
      replyId: "r2",
      imagesGranted: 1,
      imagesDeclined: 1,
      memorySummaryCount: 1,
      lastSummarizedRevision: 5,
      revision: 11,
      updatedAt: at(4),
    });
    const kai = await getConversation(h.pool, { userId: "u1", agentId: "kai" });
    expect(kai).toMatchObject({
      mood: null,
      affinity: -2,
      lastMessage: { preview: "Thinking of you. The rain stopped.", role: "agent", kind: "initiated" },
      unreadCount: 2,
      messageCount: 3,
      replyStatus: "idle",
      initiationsSinceUserMessage: 1,
      lastInitiatedAt: at(20),
    });
    expect(await getConversation(h.pool, { userId: "u2", agentId: "kai" })).toBeNull();
    expect((await listConversationsForUser(h.pool, { userId: "u1" })).map((c) => c.agentId)).toEqual([
      "kai",
      "noa",
    ]);
    expect((await listConversationsForAgent(h.pool, { agentId: "noa" })).map((c) => c.userId)).toEqual([
      "u2",
      "u1",
    ]);
    expect(
      (await listConversationsForAgent(h.pool, { agentId: "noa", limit: 1, offset: 1 })).map((c) => c.userId),
    ).toEqual(["u1"]);

    await h.append(
      conversationStreamId("u3", "kai"),
      [started("u3", "kai"), sent("y1", "Still there?", 21), replyStarted("yr1", "y1", 21)],
      at(21),
    );
    await h.append(
      conversationStreamId("u4", "kai"),
      [
        started("u4", "kai"),
        sent("z1", "Hello?", 22),
        replyStarted("zr1", "z1", 22),
        replyFailed("zr1", "z1", 22),
        sent("z2", "Anyone there?", 23),
      ],
      at(23),
    );
    await h.settle();
    // Owed a reply: u2's only message and u4's second one (its first reply failed); noa's reply to
    // u1 failed, u1's messages to kai were answered, and u3's reply is being written.
    const awaiting = [
      { streamId: conversationStreamId("u2", "noa"), userId: "u2", agentId: "noa", affinity: 0 },
      { streamId: conversationStreamId("u4", "kai"), userId: "u4", agentId: "kai", affinity: 0 },
    ].sort((a, b) => a.streamId.localeCompare(b.streamId));
    expect(await listConversationsAwaitingReply(h.pool, { after: null, limit: 10 })).toEqual(awaiting);
    expect(await listConversationsAwaitingReply(h.pool, { after: awaiting[0]!.streamId, limit: 10 })).toEqual(
      [awaiting[1]],
    );

    await eventually(async () => notices.length === 12);
    expect(notices.every((n) => n.kind === "conversation.state")).toBe(true);
    expect(notices[4]?.payload).toMatchObject({
      mood: { mood: "playful" },
      revision: 4,
      userId: "u1",
      agentId: "noa",
    });
    expect(notices[5]?.payload).toMatchObject({ affinity: 3, streamId: conversationStreamId("u1", "noa") });
  });

  it("counts the summaries the agent recalls: not the withdrawn ones, and a rewrite in their place", async () => {
    const streamId = conversationStreamId("u5", "noa");
    const told = [
      started("u5", "noa"),
      sent("w1", "I have a dog called Rex.", 40),
      replyStarted("wr1", "w1", 40),
      replyCompleted("wr1", "w1", "Lovely!", 41),
      summarized("s1", 0, 3),
      sent("w2", "I live in Leeds.", 42),
      replyStarted("wr2", "w2", 42),
      replyCompleted("wr2", "w2", "Nice city.", 43),
      summarized("s2", 5, 7),
    ];
    await h.append(streamId, told, at(43));
    await h.append(streamId, [summariesWithdrawn("f1", "s1", "s2")], at(44));
    await h.settle();
    expect(await getConversation(h.pool, { userId: "u5", agentId: "noa" })).toMatchObject({
      memorySummaryCount: 0,
      lastSummarizedRevision: 7,
    });

    await h.append(streamId, [rewritten("s2-again", "s2", 5, 7, ["w1"])], at(45));
    await h.settle();
    expect(await getConversation(h.pool, { userId: "u5", agentId: "noa" })).toMatchObject({
      memorySummaryCount: 1,
      lastSummarizedRevision: 7,
      revision: 10,
    });
  });
});
