import { describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { currentMood } from "../../../src/domain/conversation/mood.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, answered, now, userId } from "./fixtures.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };

describe("ShiftMood", () => {
  const command = {
    type: "ShiftMood",
    ...address,
    mood: "playful",
    intensity: 0.7,
    reason: "A silly joke",
  } as const;
  const shifted: ConversationEvent = {
    type: "MoodShifted",
    data: { mood: "playful", intensity: 0.7, previous: null, reason: "A silly joke", causedBy: "r1" },
  };

  it("shifts the mood, with no previous mood at first", () => {
    conversation.given(answered).when(command).then([shifted]);
  });

  it("names the previous mood", () => {
    conversation
      .given([...answered, shifted])
      .when({ ...command, mood: "affectionate", intensity: 0.4, reason: "A compliment" })
      .then([
        {
          type: "MoodShifted",
          data: {
            mood: "affectionate",
            intensity: 0.4,
            previous: { mood: "playful", intensity: 0.7 },
            reason: "A compliment",
            causedBy: "r1",
          },
        },
      ]);
  });

  it("writes nothing when the mood stays the same", () => {
    conversation
      .given([...answered, shifted])
      .when(command)
      .then([]);
  });

  it("falls back to the agent's baseline until the conversation has a mood", () => {
    const baseline = { mood: "calm", intensity: 0.3 } as const;
    expect(currentMood(conversation.given(answered).state, baseline)).toEqual(baseline);
    expect(currentMood(conversation.given([...answered, shifted]).state, baseline)).toEqual({
      mood: "playful",
      intensity: 0.7,
    });
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it.each([
    { mood: "ecstatic" as "joyful", intensity: 0.5 },
    { mood: "calm" as const, intensity: -0.1 },
    { mood: "calm" as const, intensity: Number.NaN },
  ])("rejects the mood %j", (change) => {
    conversation
      .given(answered)
      .when({ ...command, ...change })
      .thenRejects("MoodInvalid", "BAD_USER_INPUT");
  });

  it("rejects a shift without a reason", () => {
    conversation
      .given(answered)
      .when({ ...command, reason: "" })
      .thenRejects("ReasonRequired", "BAD_USER_INPUT");
  });
});
