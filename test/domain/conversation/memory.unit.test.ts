import { describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { nextRevisionToSummarize } from "../../../src/domain/conversation/memory.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, answered, now, sent, userId } from "./fixtures.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };
describe("SummarizeMemory", () => {
  // answered: revisions 0..3 (started, sent, reply started, reply completed)
  const command = {
    type: "SummarizeMemory",
    ...address,
    summaryId: "s1",
    summary: "They said hello.",
    facts: ["The person's name is Mia."],
    coversFromRevision: 0,
    coversToRevision: 3,
    messageCount: 2,
  } as const;
  const summarized: ConversationEvent = {
    type: "MemorySummarized",
    data: {
      summaryId: "s1",
      summary: "They said hello.",
      facts: ["The person's name is Mia."],
      coversFromRevision: 0,
      coversToRevision: 3,
      messageCount: 2,
      causedBy: "r1",
    },
  };

  it("records a summary of the revisions so far", () => {
    conversation.given(answered).when(command).then([summarized]);
  });

  it("continues after the previous summary", () => {
    const given = [...answered, summarized, sent("m2")];
    const { state } = conversation.given(given);
    expect(nextRevisionToSummarize(state)).toBe(4);
    expect(state.memory.unsummarizedMessages).toBe(1);
    conversation
      .given(given)
      .when({ ...command, summaryId: "s2", coversFromRevision: 4, coversToRevision: 5, messageCount: 1 })
      .thenMatches([{ type: "MemorySummarized", data: expect.objectContaining({ coversFromRevision: 4 }) }]);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects a summary recorded already", () => {
    conversation
      .given([...answered, summarized])
      .when({ ...command, coversFromRevision: 4 })
      .thenRejects("SummaryAlreadyRecorded", "CONFLICT");
  });

  it.each([
    { coversFromRevision: 3, coversToRevision: 2 },
    { coversFromRevision: -1 },
    { messageCount: 1.5 },
  ])("rejects the range %j", (change) => {
    conversation
      .given(answered)
      .when({ ...command, ...change })
      .thenRejects("MemorySummaryRangeInvalid", "BAD_USER_INPUT");
  });

  it("rejects a summary overlapping the previous one", () => {
    conversation
      .given([...answered, summarized, sent("m2")])
      .when({ ...command, summaryId: "s2", coversFromRevision: 3, coversToRevision: 5 })
      .thenRejects("MemorySummaryOverlaps", "CONFLICT");
  });

  it("rejects a summary reaching past the stream", () => {
    conversation
      .given(answered)
      .when({ ...command, coversToRevision: 4 })
      .thenRejects("MemorySummaryBeyondStream", "BAD_USER_INPUT");
  });

  it.each([
    { summary: " " },
    { facts: ["ok", ""] },
    { facts: Array.from({ length: 51 }, (_, i) => `fact ${i}`) },
  ])("rejects the content %j", (change) => {
    conversation
      .given(answered)
      .when({ ...command, ...change })
      .thenRejects("MemorySummaryInvalid", "BAD_USER_INPUT");
  });
});

describe("ConversationMismatch", () => {
  it("refuses commands addressed to another person's conversation", () => {
    conversation
      .given(answered)
      .when({
        type: "ShiftMood",
        ...address,
        agentId: "other-agent",
        mood: "calm",
        intensity: 0.2,
        reason: "r",
      })
      .thenRejects("ConversationMismatch", "FORBIDDEN");
  });
});
