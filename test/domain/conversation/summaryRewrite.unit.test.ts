import { describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { nextRevisionToSummarize } from "../../../src/domain/conversation/memory.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, now, replyCompleted, replyStarted, sent, started, userId } from "./fixtures.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };

// revisions 0..6: started, m1, r1 started, r1, m2, r2 started, r2
const told: ConversationEvent[] = [
  started,
  sent("m1", "I have a dog called Rex."),
  replyStarted("r1", "m1"),
  replyCompleted("r1", "m1"),
  sent("m2", "I work as a nurse."),
  replyStarted("r2", "m2"),
  replyCompleted("r2", "m2"),
];
const summarized: ConversationEvent = {
  type: "MemorySummarized",
  data: {
    summaryId: "s1",
    summary: "Sam talked about Rex and nursing.",
    facts: ["Sam has a dog called Rex", "Sam works as a nurse"],
    coversFromRevision: 0,
    coversToRevision: 6,
    messageCount: 4,
    causedBy: "r2",
  },
};
const recorded: ConversationEvent = {
  type: "MemoryFactRecorded",
  data: {
    factId: "f1",
    text: "Sam has a dog called Rex",
    kind: "pet",
    sourceMessageIds: ["m1"],
    recordedAt: now,
  },
};
const forgotten: ConversationEvent = {
  type: "MemoryFactForgotten",
  data: { factId: "f1", by: "person", forgottenAt: now },
};
const withdrawn: ConversationEvent = {
  type: "MemorySummariesWithdrawn",
  data: { factId: "f1", summaryIds: ["s1"], withdrawnAt: now },
};
const history = [...told, summarized, recorded, forgotten, withdrawn];

const rewrite = {
  type: "RewriteMemorySummary",
  ...address,
  summaryId: "s1-rewritten",
  rewrites: "s1",
  leavesOut: ["m1", "m1"],
  summary: " Sam talked about nursing. ",
  facts: ["Sam works as a nurse"],
  coversFromRevision: 0,
  coversToRevision: 6,
  messageCount: 2,
  causedBy: "r2",
} as const;
const rewritten: ConversationEvent = {
  type: "MemorySummarized",
  data: {
    summaryId: "s1-rewritten",
    summary: "Sam talked about nursing.",
    facts: ["Sam works as a nurse"],
    coversFromRevision: 0,
    coversToRevision: 6,
    messageCount: 2,
    causedBy: "r2",
    rewrites: "s1",
    leavesOut: ["m1"],
  },
};

describe("RewriteMemorySummary", () => {
  it("writes a withdrawn summary's stretch again, naming the messages it leaves out once", () => {
    conversation.given(history).when(rewrite).then([rewritten]);
  });

  it("moves nothing on: the stretch was summarized already", () => {
    const later = [...history, sent("m3", "Long shift today.")];
    const before = conversation.given(later).state;
    expect(before.memory.unsummarizedMessages).toBe(1);
    const after = conversation.given([...later, rewritten]).state;
    expect(nextRevisionToSummarize(after)).toBe(nextRevisionToSummarize(before));
    expect(after.memory).toEqual(before.memory);
    expect(after.summaryIds).toContain("s1-rewritten");
  });

  it("rejects a rewrite written already (a retry)", () => {
    conversation
      .given([...history, rewritten])
      .when(rewrite)
      .thenRejects("SummaryAlreadyRecorded", "CONFLICT");
  });

  it("rejects a summary that was not withdrawn", () => {
    conversation
      .given([...told, summarized, recorded, forgotten])
      .when(rewrite)
      .thenRejects("MemorySummaryNotWithdrawn", "CONFLICT");
  });

  it("rejects a rewrite that leaves nothing out", () => {
    conversation
      .given(history)
      .when({ ...rewrite, leavesOut: [] })
      .thenRejects("MemorySummaryRewriteInvalid", "BAD_USER_INPUT");
  });

  it("rejects a range beyond the stream or running backwards", () => {
    conversation
      .given(history)
      .when({ ...rewrite, coversToRevision: 99 })
      .thenRejects("MemorySummaryRangeInvalid", "BAD_USER_INPUT");
    conversation
      .given(history)
      .when({ ...rewrite, coversFromRevision: 5, coversToRevision: 4 })
      .thenRejects("MemorySummaryRangeInvalid", "BAD_USER_INPUT");
  });

  it("rejects an empty summary", () => {
    conversation
      .given(history)
      .when({ ...rewrite, summary: " " })
      .thenRejects("MemorySummaryInvalid", "BAD_USER_INPUT");
  });

  it("rejects a message it does not know as its cause", () => {
    conversation
      .given(history)
      .when({ ...rewrite, causedBy: "nope" })
      .thenRejects("MessageNotFound", "NOT_FOUND");
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(rewrite).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });
});
