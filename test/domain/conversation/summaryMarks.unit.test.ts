import { describe, expect, it } from "vitest";
import { afterAgentMessage, afterSummary } from "../../../src/domain/conversation/pathEffects.ts";
import { initialPathState } from "../../../src/domain/conversation/state.ts";
import {
  MARKS_KEPT,
  pathStateAt,
  summarizedFrom,
  updateFrom,
} from "../../../src/domain/conversation/summaryMarks.ts";
import {
  addNode,
  type ConversationTree,
  emptyTree,
  moveLeaf,
  renameNode,
} from "../../../src/domain/conversation/tree.ts";

/** Adds `id` under `parentId`, each message counted as not yet summarized. */
function add(tree: ConversationTree, id: string, parentId: string | null): ConversationTree {
  const parent = parentId === null ? initialPathState() : pathStateAt(tree, tree.nodes.get(parentId)!);
  return addNode(tree, {
    id,
    parentId,
    kind: "initiated",
    revision: tree.nodes.size,
    inReplyTo: null,
    status: "sent",
    state: afterAgentMessage(parent),
  });
}

/** A chain m0 … m(n-1), and beside m(n-1) a branch b1, b2 off m(branchAt). */
function chain(n: number, branchAt: number): ConversationTree {
  let tree = emptyTree();
  for (let i = 0; i < n; i++) tree = add(tree, `m${i}`, i === 0 ? null : `m${i - 1}`);
  tree = add(add(tree, "b1", `m${branchAt}`), "b2", "b1");
  return moveLeaf(tree, `m${n - 1}`);
}

const summary = (i: number) => ({ coversToRevision: 100 + i, messageCount: 2 + (i % 3) });

/** The same summary written into every state after its message at once, as a reference. */
const writtenAtOnce = (tree: ConversationTree, id: string, s: ReturnType<typeof summary>) =>
  updateFrom(tree, id, (state) => afterSummary(state, s.coversToRevision, s.messageCount));

const statesOf = (tree: ConversationTree) =>
  Object.fromEntries([...tree.nodes.keys()].sort().map((id) => [id, pathStateAt(tree, tree.nodes.get(id)!)]));

describe("summary marks", () => {
  it("leave the messages after a summarized one as written, and each reads the summary", () => {
    const before = chain(40, 10);
    const after = summarizedFrom(before, "m5", summary(0));
    for (const id of ["m6", "m39", "b1", "b2"]) expect(after.nodes.get(id)).toBe(before.nodes.get(id));
    expect(after.summaryMarks).toHaveLength(1);
    expect(statesOf(after)).toEqual(statesOf(writtenAtOnce(before, "m5", summary(0))));
    expect(pathStateAt(after, after.nodes.get("m39")!).memory).toEqual({
      lastCoveredRevision: 100,
      unsummarizedMessages: 40 - 2,
    });
  });

  it("give the states summaries written one after another give, on and off the path", () => {
    let marked = chain(60, 20);
    let written = marked;
    for (const [i, id] of ["m3", "m25", "m10", "b1", "m3", "m58"].entries()) {
      marked = summarizedFrom(marked, id, summary(i));
      written = writtenAtOnce(written, id, summary(i));
      expect(statesOf(marked)).toEqual(statesOf(written));
    }
    // A branch chosen later reads the summaries of the messages it follows, and only those.
    const onBranch = moveLeaf(marked, "b2");
    expect(statesOf(onBranch)).toEqual(statesOf(moveLeaf(written, "b2")));
  });

  it("are taken by a message added, changed or renamed after them", () => {
    let marked = summarizedFrom(chain(30, 5), "m4", summary(0));
    let written = writtenAtOnce(chain(30, 5), "m4", summary(0));
    marked = add(marked, "m30", "m29");
    written = add(written, "m30", "m29");
    const counted = (state: ReturnType<typeof initialPathState>) => afterAgentMessage(state);
    marked = updateFrom(marked, "m20", counted);
    written = updateFrom(written, "m20", counted);
    marked = renameNode(marked, "m4", "m4b");
    written = renameNode(written, "m4", "m4b");
    marked = summarizedFrom(marked, "m4b", summary(1));
    written = writtenAtOnce(written, "m4b", summary(1));
    expect(statesOf(marked)).toEqual(statesOf(written));
  });

  it(`are written into the states after them once more than ${MARKS_KEPT} are kept`, () => {
    const messages = MARKS_KEPT + 10;
    let marked = chain(messages, 1);
    let written = marked;
    for (let i = 0; i <= MARKS_KEPT; i++) {
      marked = summarizedFrom(marked, `m${i}`, summary(i));
      written = writtenAtOnce(written, `m${i}`, summary(i));
    }
    expect(marked.summaryMarks).toEqual([]);
    expect(statesOf(marked)).toEqual(statesOf(written));
    expect(marked.nodes.get(`m${messages - 1}`)!.state).toEqual(written.nodes.get(`m${messages - 1}`)!.state);
  });
});
