import { sql } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { messagesProjection } from "../../../projections/messages/projection.ts";
import { listMessages } from "../../../projections/messages/queries.ts";
import { rebuildProjections } from "../../../projections/runner/rebuild.ts";
import { visibleActivePath } from "../../../src/domain/conversation/decider.ts";
import { Story } from "../../domain/conversation/story.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";
import { storyProjection } from "../storyProjection.ts";

/** The Story's person and agent. */
const who = { userId: "u1", agentId: "a1" };
const stream = conversationStreamId(who.userId, who.agentId);
const treeRow = z.object({
  node_id: z.string(),
  parent_id: z.string().nullable(),
  depth: z.number(),
  sibling_index: z.number(),
  on_path: z.boolean(),
  hidden: z.boolean(),
});

describe("messages projection: the conversation tree", () => {
  let h: ProjectionHarness;
  const story = new Story();
  const project = storyProjection(() => h, stream, story);
  const page = async (options: { last?: number; includeHidden?: boolean } = {}) =>
    (await listMessages(h.pool, { ...who, last: 50, ...options })).edges.map((e) => e.node);
  const path = async (options: { includeHidden?: boolean } = {}) =>
    (await page(options)).map((m) => [
      m.messageId,
      m.text,
      m.siblings && `${m.siblings.index + 1}/${m.siblings.ids.length}`,
    ]);
  const tree = async () =>
    h.pool.any(sql.type(treeRow)`
      select node_id, parent_id, depth, sibling_index, on_path, hidden from rm.message_tree
      where stream_id = ${stream} order by seq`);

  beforeAll(async () => {
    h = await startProjectionHarness([messagesProjection]);
  });
  afterAll(() => h.close());

  it("serves the active path with each message's alternatives", async () => {
    story.send("m1", "Hi").reply("r1", "m1", "Hello!").send("m2", "Send me a selfie?");
    story.run({ type: "StartReply", replyId: "r2", messageId: "m2" });
    story.grantImage("q1", "m2", "r2").complete("r2", "Here you go!").regenerate("r2", "g2", "Not today.");
    await project();
    expect(await path()).toEqual([
      ["m1", "Hi", "1/1"],
      ["r1", "Hello!", "1/1"],
      ["m2", "Send me a selfie?", "1/1"],
      ["g2", "Not today.", "2/2"],
    ]);

    story.choose("r2");
    await project();
    expect(await path()).toEqual([
      ["m1", "Hi", "1/1"],
      ["r1", "Hello!", "1/1"],
      ["m2", "Send me a selfie?", "1/1"],
      ["r2", "Here you go!", "1/2"],
      ["q1", null, null],
    ]);
    expect((await page()).at(-1)).toMatchObject({ kind: "image", parentId: null, onPath: true });
  });

  it("follows edits, hidden messages and retries", async () => {
    story.edit("m2", "e2", "Tell me a joke instead").reply("re2", "e2", "Why did the…");
    story.run({ type: "HideMessage", messageId: "r1", clientRequestId: "h1" });
    story.send("m3", "Ha!");
    story.run({ type: "StartReply", replyId: "r3", messageId: "m3" });
    story.fail("r3");
    story.run({ type: "RetryReply", replyId: "r3b", messageId: "m3" });
    story.complete("r3b", "Glad you liked it.");
    await project();
    expect(await path()).toEqual([
      ["m1", "Hi", "1/1"],
      ["e2", "Tell me a joke instead", "2/2"],
      ["re2", "Why did the…", "1/1"],
      ["m3", "Ha!", "1/1"],
      ["r3b", "Glad you liked it.", "1/1"],
    ]);
    expect((await path({ includeHidden: true }))[1]).toEqual(["r1", "Hello!", "1/1"]);
    expect((await page()).map((m) => m.messageId)).toEqual(visibleActivePath(story.state));
    expect(await tree()).toEqual([
      { node_id: "m1", parent_id: null, depth: 0, sibling_index: 0, on_path: true, hidden: false },
      { node_id: "r1", parent_id: "m1", depth: 1, sibling_index: 0, on_path: true, hidden: true },
      { node_id: "m2", parent_id: "r1", depth: 2, sibling_index: 0, on_path: false, hidden: false },
      { node_id: "r2", parent_id: "m2", depth: 3, sibling_index: 0, on_path: false, hidden: false },
      { node_id: "g2", parent_id: "m2", depth: 3, sibling_index: 1, on_path: false, hidden: false },
      { node_id: "e2", parent_id: "r1", depth: 2, sibling_index: 1, on_path: true, hidden: false },
      { node_id: "re2", parent_id: "e2", depth: 3, sibling_index: 0, on_path: true, hidden: false },
      { node_id: "m3", parent_id: "re2", depth: 4, sibling_index: 0, on_path: true, hidden: false },
      { node_id: "r3b", parent_id: "m3", depth: 5, sibling_index: 0, on_path: true, hidden: false },
    ]);
  });

  it("pages the path and goes back to where a branch was left", async () => {
    const older = await listMessages(h.pool, { ...who, last: 2, before: "999" });
    expect(older.edges.map((e) => e.node.messageId)).toEqual(["m3", "r3b"]);
    expect(older.pageInfo.hasPreviousPage).toBe(true);
    const first = await listMessages(h.pool, { ...who, last: 2, before: older.pageInfo.startCursor });
    expect(first.edges.map((e) => e.node.messageId)).toEqual(["e2", "re2"]);

    story.choose("m2");
    await project();
    expect((await path()).map(([id]) => id)).toEqual(["m1", "m2", "r2", "q1"]);
    story.branch("m1");
    await project();
    expect((await path()).map(([id]) => id)).toEqual(["m1"]);
  });

  it("rebuilds to the same tree and paths", async () => {
    const [dry] = await rebuildProjections(h.deps, [messagesProjection], { dryRun: true });
    expect(dry?.comparison?.filter((c) => !c.equal)).toEqual([]);
    expect(dry?.comparison?.map((c) => c.table).sort()).toEqual([
      "message_image_jobs",
      "message_streams",
      "message_tree",
      "messages",
    ]);
  });
});
