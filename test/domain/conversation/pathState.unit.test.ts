import { describe, expect, it } from "vitest";
import {
  activePath,
  conversationDecider,
  findMessage,
  imageRequestsOn,
  isOnActivePath,
  nextMessageToAnswer,
  nextRevisionToSummarize,
  pathTo,
  stateAt,
} from "../../../src/domain/conversation/decider.ts";
import { pathStateOf } from "../../../src/domain/conversation/state.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, answered, at, replyFailed, replyStarted, sent, started, userId } from "./fixtures.ts";
import { Story } from "./story.ts";

const conversation = spec(conversationDecider);
const today = at(0);

/** m1 → r1, whose turn made the agent playful, fonder by 3 and send a selfie. */
const firstTurn = () =>
  new Story()
    .send("m1")
    .reply("r1", "m1")
    .mood("playful", 0.8, "r1")
    .affinity(3, "r1")
    .grantImage("q1", "m1", "r1");

describe("state along the active path", () => {
  it("switching back to a branch restores its mood, affinity and gating exactly", () => {
    const story = firstTurn()
      .regenerate("r1", "r1b", "a colder answer")
      .mood("melancholy", 0.3, "r1b")
      .affinity(-2);
    const onB = pathStateOf(story.state);
    expect(onB).toMatchObject({ mood: { mood: "melancholy", intensity: 0.3 }, affinity: -2 });
    expect(imageRequestsOn(story.state, today)).toEqual({ granted: 0, declined: 0 });

    story.choose("r1");
    expect(story.state).toMatchObject({ mood: { mood: "playful", intensity: 0.8 }, affinity: 3 });
    expect(imageRequestsOn(story.state, today)).toEqual({ granted: 1, declined: 0 });
    expect(story.state.imageRequests.lastGrantedAt).not.toBeNull();

    story.choose("r1b");
    expect(pathStateOf(story.state)).toEqual(onB);
  });

  it("says with each change of path the mood and affinity of the new one", () => {
    const story = firstTurn().send("m2").reply("r2", "m2").mood("calm", 0.1, "r2").affinity(2, "r2");
    const [edit] = story.run({
      type: "EditMessage",
      messageId: "m2",
      newMessageId: "m2b",
      clientMessageId: "c-m2b",
      text: "Let me say that again",
    });
    expect(edit).toMatchObject({
      type: "ActivePathChanged",
      data: { leafId: "r1", via: "edit", mood: { mood: "playful", intensity: 0.8 }, affinity: 3 },
    });
    const [back] = story.run({ type: "ChooseSibling", messageId: "m2", clientRequestId: "q-back" });
    expect(back).toMatchObject({
      data: { leafId: "r2", mood: { mood: "calm", intensity: 0.1 }, affinity: 5 },
    });
  });

  it("starts an edit from the state before the edited message", () => {
    const story = firstTurn().send("m2").reply("r2", "m2").affinity(4, "r2").edit("m2", "m2b");
    expect(story.state.affinity).toBe(3);
    expect(story.state.affinityThisTurn).toBe(0);
    expect(nextMessageToAnswer(story.state)?.messageId).toBe("m2b");
    story.reply("r2b", "m2b").affinity(5);
    expect(story.state.affinity).toBe(8);
    story.choose("m2");
    expect(story.state.affinity).toBe(7);
  });

  it("keeps the affinity limit of a turn per path", () => {
    const story = firstTurn().affinity(2, "r1");
    expect(story.state.affinityThisTurn).toBe(5);
    story.regenerate("r1", "r1b", "again");
    expect(story.state.affinityThisTurn).toBe(0);
    conversation
      .given(story.events)
      .when({ type: "ChangeAffinity", userId, agentId, now: today, delta: 5, reason: "warmer" })
      .thenMatches([
        { type: "AffinityChanged", data: expect.objectContaining({ delta: 5, value: 5, causedBy: "r1b" }) },
      ]);
  });

  it("decides a change named for another message against that message's path", () => {
    const story = firstTurn().regenerate("r1", "r1b", "again").affinity(-4);
    conversation
      .given(story.events)
      .when({ type: "ChangeAffinity", userId, agentId, now: today, delta: 4, reason: "late", causedBy: "r1" })
      .thenMatches([{ type: "AffinityChanged", data: expect.objectContaining({ delta: 2, value: 5 }) }]);
    conversation
      .given(story.events)
      .when({
        type: "ShiftMood",
        userId,
        agentId,
        now: today,
        mood: "calm",
        intensity: 0.5,
        reason: "late",
        causedBy: "r1",
      })
      .thenMatches([
        {
          type: "MoodShifted",
          data: expect.objectContaining({ previous: { mood: "playful", intensity: 0.8 } }),
        },
      ]);
  });

  it("keeps what the agent still owes per path", () => {
    const story = firstTurn().send("m2").branch("r1");
    expect(story.state.unanswered).toEqual([]);
    expect(nextMessageToAnswer(story.state)).toBeNull();
    story.choose("m2");
    expect(nextMessageToAnswer(story.state)?.messageId).toBe("m2");
  });

  it("keeps the memory bookkeeping per path", () => {
    const story = firstTurn().send("m2").reply("r2", "m2");
    const to = story.state.revision;
    story.run({
      type: "SummarizeMemory",
      summaryId: "s1",
      summary: "They met.",
      facts: [],
      coversFromRevision: 0,
      coversToRevision: to,
      messageCount: 4,
    });
    expect(nextRevisionToSummarize(story.state)).toBe(to + 1);
    expect(story.state.memory.unsummarizedMessages).toBe(0);
    story.branch("r1");
    expect(nextRevisionToSummarize(story.state)).toBe(0);
    expect(story.state.memory.unsummarizedMessages).toBe(2);
  });

  it("lets a reply's turn reach the messages sent while it was written", () => {
    const story = new Story().send("m1");
    story.run({ type: "StartReply", replyId: "r1", messageId: "m1" });
    story.send("m2").complete("r1").affinity(2, "r1");
    expect(activePath(story.state)).toEqual(["m1", "r1", "m2"]);
    expect(story.state.affinity).toBe(2);
    expect(stateAt(story.state, "r1")?.affinity).toBe(2);
    expect(story.state.unanswered.map((m) => m.messageId)).toEqual(["m2"]);
  });

  it("lets a late event reach every branch below the message it names", () => {
    const story = firstTurn().send("m2").reply("r2", "m2").edit("m2", "m2b").mood("calm", 0.2, "r1");
    expect(stateAt(story.state, "r2")?.mood).toEqual({ mood: "calm", intensity: 0.2 });
    expect(story.state.mood).toEqual({ mood: "calm", intensity: 0.2 });
  });

  it("answers where the person and the agent are, for the history of a reply", () => {
    const story = firstTurn().send("m2").reply("r2", "m2").regenerate("r1", "r1b", "again");
    expect(isOnActivePath(story.state, "r1b")).toBe(true);
    expect(isOnActivePath(story.state, "r2")).toBe(false);
    expect(pathTo(story.state, "r2")).toEqual(["m1", "r1", "m2", "r2"]);
    expect(pathTo(story.state, "r2", { last: 2 })).toEqual(["m2", "r2"]);
    expect(pathTo(story.state, "r1b")).toEqual(["m1", "r1b"]);
    expect(pathTo(story.state, "nope")).toEqual([]);
    expect(findMessage(story.state, "r2")).toMatchObject({
      parentId: "m2",
      kind: "reply",
      inReplyTo: "m2",
      status: "completed",
      depth: 3,
      hidden: false,
    });
  });
});

describe("conversations written before the tree", () => {
  it("read as one path, each message following the one before", () => {
    const { state } = conversation.given([
      ...answered,
      sent("m2"),
      replyStarted("r2", "m2"),
      replyFailed("r2", "m2"),
    ]);
    expect(activePath(state)).toEqual(["m1", "r1", "m2", "r2"]);
    expect(findMessage(state, "m2")?.parentId).toBe("r1");
  });

  it("let a retry take the failed reply's place", () => {
    const { state } = conversation.given([
      started,
      sent("m1"),
      replyStarted("r1", "m1"),
      replyFailed("r1", "m1"),
      sent("m2"),
      replyStarted("r1b", "m1", 2),
    ]);
    expect(activePath(state)).toEqual(["m1", "r1b", "m2"]);
    expect(findMessage(state, "r1")).toBeUndefined();
    expect(findMessage(state, "m2")?.parentId).toBe("r1b");
  });

  it("give what a turn caused to the message that was the leaf then", () => {
    const { state } = conversation.given([
      ...answered,
      { type: "AffinityChanged", data: { delta: 3, requestedDelta: 3, reason: "kind", value: 3 } },
      sent("m2"),
      { type: "MoodShifted", data: { mood: "tired", intensity: 0.4, previous: null, reason: "late" } },
    ]);
    expect(stateAt(state, "r1")).toMatchObject({ affinity: 3, mood: null });
    expect(stateAt(state, "m2")).toMatchObject({ affinity: 3, mood: { mood: "tired", intensity: 0.4 } });
  });
});
