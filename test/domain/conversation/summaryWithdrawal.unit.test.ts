import { describe, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, answered, now, userId } from "./fixtures.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };

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
const corrected: ConversationEvent = {
  type: "MemoryFactCorrected",
  data: { factId: "f1", text: "Sam has a dog called Max", by: "person", correctedAt: now },
};
const withdraw = {
  type: "WithdrawMemorySummaries",
  ...address,
  factId: "f1",
  summaryIds: ["s1", "s2"],
} as const;
const withdrawn = (...summaryIds: string[]): ConversationEvent => ({
  type: "MemorySummariesWithdrawn",
  data: { factId: "f1", summaryIds, withdrawnAt: now },
});

describe("WithdrawMemorySummaries", () => {
  it("withdraws the summaries of a forgotten fact's message", () => {
    conversation
      .given([...answered, recorded, forgotten])
      .when(withdraw)
      .then([withdrawn("s1", "s2")]);
  });

  it("withdraws them for a corrected fact too, naming each summary once", () => {
    conversation
      .given([...answered, recorded, corrected])
      .when({ ...withdraw, summaryIds: ["s1", "s1"] })
      .then([withdrawn("s1")]);
  });

  it("leaves out summaries withdrawn already, and writes nothing when none is left (a retry)", () => {
    conversation
      .given([...answered, recorded, forgotten, withdrawn("s1")])
      .when(withdraw)
      .then([withdrawn("s2")]);
    conversation
      .given([...answered, recorded, forgotten, withdrawn("s1", "s2")])
      .when(withdraw)
      .then([]);
  });

  it("rejects a fact it does not know", () => {
    conversation.given(answered).when(withdraw).thenRejects("MemoryFactNotFound", "NOT_FOUND");
  });

  it("rejects a fact still remembered as recorded", () => {
    conversation
      .given([...answered, recorded])
      .when(withdraw)
      .thenRejects("MemoryFactStillRemembered", "CONFLICT");
  });

  it("rejects an empty list of summaries", () => {
    conversation
      .given([...answered, recorded, forgotten])
      .when({ ...withdraw, summaryIds: [] })
      .thenRejects("MemorySummaryWithdrawalInvalid", "BAD_USER_INPUT");
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(withdraw).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });
});
