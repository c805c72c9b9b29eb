import { describe, expect, it } from "vitest";
import type { ConversationState } from "../../../src/domain/conversation/decider.ts";
import { activePath, replyInProgress, visibleOnPathTo } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import {
  afterAffinityChange,
  afterAgentMessage,
  afterImageDecision,
  afterMoodShift,
  afterReplyCompleted,
  afterReplyFailed,
  afterReplyStarted,
  afterSummary,
  afterUserMessage,
} from "../../../src/domain/conversation/pathEffects.ts";
import { initialPathState, type PathState, pathStateOf } from "../../../src/domain/conversation/state.ts";
import { pathStateAt } from "../../../src/domain/conversation/summaryMarks.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { Story } from "./story.ts";

/**
 * The state kept at each message must equal the plain definition: the fold, in stream order, of
 * the events that belong to the path from the root to that message. Random conversations with
 * regenerations, edits, branches, failures and late events are checked message by message against
 * a fold written here from that definition alone.
 */

function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)] };
}

/** The tree as the events spell it: each message's parent, a retried reply standing where its failed attempt stood. */
function treeOf(events: readonly ConversationEvent[]) {
  const parent = new Map<string, string | null>();
  const renamedTo = new Map<string, string>();
  const renamedFrom = new Map<string, string>();
  let leaf: string | null = null;
  /** New messages whose parent is not the leaf of the moment: there must be none. */
  const strays: string[] = [];
  for (const event of events) {
    if (event.type === "UserMessageSent" || event.type === "AgentInitiatedMessage") {
      if (event.data.parentId !== leaf) strays.push(event.data.messageId);
      parent.set(event.data.messageId, event.data.parentId ?? null);
      leaf = event.data.messageId;
    } else if (event.type === "AgentReplyStarted" && event.data.retryOf) {
      renamedTo.set(event.data.retryOf, event.data.replyId);
      renamedFrom.set(event.data.replyId, event.data.retryOf);
      if (leaf === event.data.retryOf) leaf = event.data.replyId;
    } else if (event.type === "AgentReplyStarted") {
      if (event.data.parentId !== leaf) strays.push(event.data.replyId);
      parent.set(event.data.replyId, event.data.parentId ?? null);
      leaf = event.data.replyId;
    } else if (event.type === "ActivePathChanged") leaf = event.data.leafId;
  }
  const follow = (links: Map<string, string>, id: string): string => {
    let current = id;
    while (links.has(current)) current = links.get(current)!;
    return current;
  };
  const canonical = (id: string) => follow(renamedTo, id);
  const pathTo = (id: string): string[] => {
    const ids: string[] = [];
    for (let at: string | null = canonical(id); at !== null; ) {
      ids.push(at);
      const written: string | null = parent.get(follow(renamedFrom, at)) ?? null;
      at = written === null ? null : canonical(written);
    }
    return ids.reverse();
  };
  return { canonical, pathTo, leaf, strays };
}

/** The plain definition of the state after a message. */
function definedStateAt(
  events: readonly ConversationEvent[],
  path: ReadonlySet<string>,
  canonical: (id: string) => string,
) {
  let s: PathState = initialPathState();
  const on = (id: string | undefined) => id !== undefined && path.has(canonical(id));
  for (const event of events) {
    switch (event.type) {
      case "UserMessageSent":
        if (on(event.data.messageId)) s = afterUserMessage(s, event.data.messageId, event.data.sentAt);
        break;
      case "AgentInitiatedMessage":
        if (on(event.data.messageId)) s = afterAgentMessage(s);
        break;
      case "AgentReplyStarted":
        if (on(event.data.replyId)) s = afterReplyStarted(s, event.data);
        break;
      case "AgentReplyCompleted":
        if (on(event.data.replyId)) s = afterReplyCompleted(s, event.data.inReplyTo);
        break;
      case "AgentReplyFailed":
        if (on(event.data.replyId)) s = afterReplyFailed(s, event.data.inReplyTo, event.data.retryable);
        break;
      case "MoodShifted":
        if (on(event.data.causedBy))
          s = afterMoodShift(s, { mood: event.data.mood, intensity: event.data.intensity });
        break;
      case "AffinityChanged":
        if (on(event.data.causedBy)) s = afterAffinityChange(s, { delta: event.data.delta });
        break;
      case "ImageRequestGranted":
        if (on(event.data.causedBy)) s = afterImageDecision(s, event.data.grantedAt, "granted");
        break;
      case "ImageRequestDeclined":
        if (on(event.data.causedBy)) s = afterImageDecision(s, event.data.declinedAt, "declined");
        break;
      case "MemorySummarized":
        if (on(event.data.causedBy))
          s = afterSummary(s, event.data.coversToRevision, event.data.messageCount);
        break;
      default:
        break;
    }
  }
  return s;
}

/** One random step a person, the reply reactor or another reactor could take. */
function step(story: Story, r: ReturnType<typeof random>, n: number): void {
  const state: ConversationState = story.state;
  const ids = [...state.tree.nodes.keys()];
  const onPath = activePath(state);
  const anyId = () => r.pick(ids);
  const roll = r.next();
  const replying = replyInProgress(state);
  if (replying?.replyId && roll < 0.5) {
    if (r.next() < 0.8) story.complete(replying.replyId);
    else story.fail(replying.replyId);
  } else if (roll < 0.2) story.send(`m${n}`);
  else if (roll < 0.32) {
    const next = state.unanswered.find((m) => m.status !== "replying");
    if (next?.status === "waiting")
      story.run({ type: "StartReply", replyId: `r${n}`, messageId: next.messageId });
    if (next?.status === "failed")
      story.run({ type: "RetryReply", replyId: `r${n}`, messageId: next.messageId });
  } else if (roll < 0.4) {
    const reply = r.pick(onPath.filter((id) => state.tree.nodes.get(id)?.kind === "reply"));
    if (reply) story.regenerate(reply, `g${n}`);
  } else if (roll < 0.47) {
    const message = r.pick(onPath.filter((id) => state.tree.nodes.get(id)?.kind === "user"));
    if (message) story.edit(message, `e${n}`);
  } else if (roll < 0.54) {
    const parent = r.pick(onPath);
    const sibling = parent ? r.pick(state.tree.nodes.get(parent)?.children ?? []) : undefined;
    if (sibling) story.choose(sibling);
  } else if (roll < 0.6) story.branch(anyId() ?? "none");
  else if (roll < 0.7) story.affinity(Math.round(r.next() * 10) - 5, r.next() < 0.3 ? anyId() : undefined);
  else if (roll < 0.78)
    story.mood(
      r.pick(["playful", "melancholy", "calm"] as const)!,
      0.5,
      r.next() < 0.3 ? anyId() : undefined,
    );
  else if (roll < 0.84) {
    const asked = r.pick(ids.filter((id) => state.tree.nodes.get(id)?.kind === "user"));
    if (asked) story.grantImage(`q${n}`, asked, r.next() < 0.5 ? anyId() : undefined);
  } else if (roll < 0.88) {
    const from = state.memory.lastCoveredRevision === null ? 0 : state.memory.lastCoveredRevision + 1;
    if (from <= state.revision)
      story.run({
        type: "SummarizeMemory",
        summaryId: `s${n}`,
        summary: "What happened.",
        facts: [],
        coversFromRevision: from,
        coversToRevision: state.revision,
        messageCount: state.memory.unsummarizedMessages,
      });
  } else if (roll < 0.92)
    story.run({ type: "InitiateMessage", messageId: `i${n}`, text: "Hey!", trigger: "check_in" });
  else if (roll < 0.96)
    story.run({ type: "HideMessage", messageId: anyId() ?? "none", clientRequestId: `h${n}` });
  else story.run({ type: "UnhideMessage", messageId: anyId() ?? "none", clientRequestId: `u${n}` });
}

describe("the state kept at each message", () => {
  const seen = { messages: 0, pathChanges: 0, retries: 0, regenerations: 0, edits: 0, lateEvents: 0 };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("is the fold of its path's events (seed %i)", (seed) => {
    const r = random(seed);
    const story = new Story().send("m0");
    for (let n = 1; n <= 300; n++) {
      try {
        step(story, r, n);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    const tree = treeOf(story.events);
    const { nodes } = story.state.tree;
    const count = (test: (e: ConversationEvent) => boolean) => story.events.filter(test).length;
    seen.messages += nodes.size;
    seen.pathChanges += count((e) => e.type === "ActivePathChanged");
    seen.retries += count((e) => e.type === "AgentReplyStarted" && e.data.retryOf !== undefined);
    seen.regenerations += count((e) => e.type === "AgentReplyStarted" && e.data.regenerates !== undefined);
    seen.edits += count((e) => e.type === "UserMessageSent" && e.data.edits !== undefined);
    seen.lateEvents += count(
      (e) =>
        "causedBy" in e.data &&
        e.data.causedBy !== undefined &&
        (nodes.get(e.data.causedBy)?.children.length ?? 0) > 0,
    );
    for (const [id, node] of nodes) {
      const path = tree.pathTo(id);
      expect(path.at(-1)).toBe(id);
      expect(node.depth).toBe(path.length - 1);
      expect(pathStateAt(story.state.tree, node)).toEqual(
        definedStateAt(story.events, new Set(path), tree.canonical),
      );
    }
    const misjudged: string[] = [];
    for (const id of nodes.keys()) {
      const visible = visibleOnPathTo(story.state, id);
      const expected = new Set(tree.pathTo(id).filter((m) => !nodes.get(m)!.hidden));
      for (const other of nodes.keys())
        if ((visible(other) !== undefined) !== expected.has(other)) misjudged.push(`${other} before ${id}`);
    }
    expect(misjudged).toEqual([]);
    expect(tree.strays).toEqual([]);
    const leaf = story.state.activeLeafId!;
    expect(leaf).toBe(tree.canonical(tree.leaf!));
    expect(activePath(story.state)).toEqual(tree.pathTo(leaf));
    expect(pathStateOf(story.state)).toEqual(pathStateAt(story.state.tree, nodes.get(leaf)!));
  });

  it("was checked on conversations that use every part of the tree", () => {
    expect(seen.messages).toBeGreaterThan(500);
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(5);
  });
});
