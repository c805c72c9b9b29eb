import { describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, answered, now, userId } from "./fixtures.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };

const record = {
  type: "RecordMemoryFact",
  ...address,
  factId: "f1",
  text: "Sam has a dog called Biscuit",
  kind: "pet",
  sourceMessageIds: ["m1"],
  quote: "I have a dog called Biscuit",
} as const;
const recorded: ConversationEvent = {
  type: "MemoryFactRecorded",
  data: {
    factId: "f1",
    text: "Sam has a dog called Biscuit",
    kind: "pet",
    sourceMessageIds: ["m1"],
    quote: "I have a dog called Biscuit",
    recordedAt: now,
  },
};
const corrected: ConversationEvent = {
  type: "MemoryFactCorrected",
  data: { factId: "f1", text: "Sam has a cat called Biscuit", by: "person", correctedAt: now },
};
const forgotten: ConversationEvent = {
  type: "MemoryFactForgotten",
  data: { factId: "f1", by: "person", forgottenAt: now },
};

describe("RecordMemoryFact", () => {
  it("records a fact with the messages it comes from", () => {
    conversation.given(answered).when(record).then([recorded]);
  });

  it("names each source message once and tidies the text", () => {
    conversation
      .given(answered)
      .when({ ...record, text: "  Sam has a dog\n called Biscuit ", sourceMessageIds: ["m1", "m1", "r1"] })
      .thenMatches([
        {
          type: "MemoryFactRecorded",
          data: expect.objectContaining({
            text: "Sam has a dog called Biscuit",
            sourceMessageIds: ["m1", "r1"],
          }),
        },
      ]);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(record).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects a fact recorded already", () => {
    conversation
      .given([...answered, recorded])
      .when(record)
      .thenRejects("MemoryFactAlreadyRecorded", "CONFLICT");
  });

  it.each([
    ["empty text", { text: "  " }],
    ["text that is too long", { text: "x".repeat(501) }],
    ["no source message", { sourceMessageIds: [] }],
  ])("rejects %s", (_, change) => {
    conversation
      .given(answered)
      .when({ ...record, ...change })
      .thenRejects("MemoryFactInvalid", "BAD_USER_INPUT");
  });

  it("rejects a source message that is not in the conversation", () => {
    conversation
      .given(answered)
      .when({ ...record, sourceMessageIds: ["m1", "elsewhere"] })
      .thenRejects("MemoryFactSourceUnknown", "BAD_USER_INPUT");
  });
});

describe("CorrectMemoryFact", () => {
  const correct = {
    type: "CorrectMemoryFact",
    ...address,
    factId: "f1",
    text: "Sam has a cat called Biscuit",
    by: "person",
  } as const;

  it("corrects a remembered fact", () => {
    conversation
      .given([...answered, recorded])
      .when(correct)
      .then([corrected]);
  });

  it("writes nothing when the text is what is remembered already", () => {
    conversation
      .given([...answered, recorded, corrected])
      .when(correct)
      .then([]);
  });

  it("rejects an unknown fact", () => {
    conversation.given(answered).when(correct).thenRejects("MemoryFactNotFound", "NOT_FOUND");
  });

  it("rejects a forgotten fact", () => {
    conversation
      .given([...answered, recorded, forgotten])
      .when(correct)
      .thenRejects("MemoryFactAlreadyForgotten", "NOT_FOUND");
  });

  it("rejects empty text", () => {
    conversation
      .given([...answered, recorded])
      .when({ ...correct, text: "" })
      .thenRejects("MemoryFactInvalid", "BAD_USER_INPUT");
  });

  it("rejects another person", () => {
    conversation
      .given([...answered, recorded])
      .when({ ...correct, userId: "u2" })
      .thenRejects("ConversationMismatch", "FORBIDDEN");
  });
});

describe("ForgetMemoryFact", () => {
  const forget = { type: "ForgetMemoryFact", ...address, factId: "f1", by: "person" } as const;

  it("forgets a remembered fact, corrected or not", () => {
    conversation
      .given([...answered, recorded])
      .when(forget)
      .then([forgotten]);
    conversation
      .given([...answered, recorded, corrected])
      .when({ ...forget, by: "admin" })
      .then([{ ...forgotten, data: { ...forgotten.data, by: "admin" } } as ConversationEvent]);
  });

  it("rejects an unknown fact", () => {
    conversation.given(answered).when(forget).thenRejects("MemoryFactNotFound", "NOT_FOUND");
  });

  it("writes nothing for a fact forgotten already, so a retry succeeds", () => {
    conversation
      .given([...answered, recorded, forgotten])
      .when(forget)
      .then([]);
  });

  it("rejects another person", () => {
    conversation
      .given([...answered, recorded])
      .when({ ...forget, userId: "u2" })
      .thenRejects("ConversationMismatch", "FORBIDDEN");
  });
});
