import { sql } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { conversationsProjection } from "../../../projections/conversations/projection.ts";
import { listConversationsAwaitingReply } from "../../../projections/conversations/queries.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { awaitingReplies } from "../../../src/domain/conversation/state.ts";
import { Story } from "../../domain/conversation/story.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import { at, replyCompleted, replyStarted, sent, started } from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";
import { storyProjection } from "../storyProjection.ts";

/** The Story's person and agent. */
const who = { userId: "u1", agentId: "a1" };
const stream = conversationStreamId(who.userId, who.agentId);

describe("conversations projection: replies owed on the path shown", () => {
  let h: ProjectionHarness;
  const story = new Story();
  const project = storyProjection(() => h, stream, story);
  /** Projects what the story wrote since the last time and reads the count. */
  const owed = async () => {
    await project();
    const count = await h.pool.oneFirst(sql.type(z.object({ awaiting_replies: z.number() }))`
      select awaiting_replies from rm.conversations where stream_id = ${stream}`);
    // The read model says what the conversation's own state says.
    expect(count).toBe(awaitingReplies(story.state));
    return count;
  };
  const listedAsOwed = async () =>
    (await listConversationsAwaitingReply(h.pool, { after: null, limit: 10 })).some(
      (c) => c.streamId === stream,
    );

  beforeAll(async () => {
    h = await startProjectionHarness([conversationsProjection]);
  });
  afterAll(() => h.close());

  it("stops counting a waiting message once the person branches away from it", async () => {
    // m2 came while the agent slept: its reply waits.
    story.send("m1").reply("r1", "m1").send("m2");
    expect(await owed()).toBe(1);
    expect(await listedAsOwed()).toBe(true);

    story.branch("r1");
    expect(await owed()).toBe(0);
    expect(await listedAsOwed()).toBe(false);
  });

  it("counts it again when its branch is shown again", async () => {
    story.choose("m2");
    expect(await owed()).toBe(1);
    expect(await listedAsOwed()).toBe(true);
  });

  it("counts an edit instead of the message it replaces", async () => {
    story.edit("m2", "m2b");
    expect(await owed()).toBe(1);
    story.reply("r2b", "m2b");
    expect(await owed()).toBe(0);
    expect(await listedAsOwed()).toBe(false);
  });

  it("counts a regenerated reply while it is written, and a retry after a failure", async () => {
    story.regenerate("r2b", "g2b");
    expect(await owed()).toBe(1);
    story.fail("g2b");
    expect(await owed()).toBe(0);
    story.run({ type: "RetryReply", replyId: "g2c", messageId: "m2b" });
    expect(await owed()).toBe(1);
    story.complete("g2c");
    expect(await owed()).toBe(0);
  });

  it("keeps the count across a path change written before it carried one", async () => {
    const old = conversationStreamId("u-old", "a-old");
    const regenerated: ConversationEvent[] = [
      {
        type: "ActivePathChanged",
        data: {
          leafId: "o1",
          previousLeafId: "or1",
          via: "regenerate",
          messageId: "or1",
          clientRequestId: "q-old",
          mood: null,
          affinity: 0,
          changedAt: at(3),
        },
      },
      {
        type: "AgentReplyStarted",
        data: { replyId: "or2", inReplyTo: "o1", attempt: 1, startedAt: at(3), regenerates: "or1" },
      },
    ];
    await h.append(old, [
      started("u-old", "a-old"),
      sent("o1", "Hello?", 1),
      replyStarted("or1", "o1", 1),
      replyCompleted("or1", "o1", "Hi!", 2),
      ...regenerated,
    ]);
    await h.settle();
    const owedThen = await h.pool.oneFirst(sql.type(z.object({ awaiting_replies: z.number() }))`
      select awaiting_replies from rm.conversations where stream_id = ${old}`);
    expect(owedThen).toBe(1);
  });
});
