import { describe, expect, it } from "vitest";
import {
  conversationUpdate,
  runningState,
} from "../../../src/application/conversations/conversationUpdates.ts";

const at = "2026-05-01T10:00:00.000Z";

describe("what a stored conversation event means to a watching client", () => {
  it("turns messages and replies into timeline entries placed where the reply started", () => {
    const running = runningState({ mood: "calm", intensity: 0.5 });
    const sent = conversationUpdate(
      { type: "UserMessageSent", data: { messageId: "m1", clientMessageId: "c1", text: "hi", sentAt: at } },
      1,
      running,
    );
    expect(sent).toMatchObject({
      kind: "messageAdded",
      message: { seq: 1, cursor: "1", kind: "user", role: "user", status: "sent" },
    });
    conversationUpdate(
      { type: "AgentReplyStarted", data: { replyId: "r1", inReplyTo: "m1", attempt: 1, startedAt: at } },
      2,
      running,
    );
    conversationUpdate(
      { type: "AgentReplyStarted", data: { replyId: "r2", inReplyTo: "m1", attempt: 2, startedAt: at } },
      4,
      running,
    );
    const done = conversationUpdate(
      {
        type: "AgentReplyCompleted",
        data: {
          replyId: "r2",
          inReplyTo: "m1",
          text: "hello",
          model: "x",
          usage: { promptTokens: 1, completionTokens: 1 },
          completedAt: at,
        },
      },
      5,
      running,
    );
    expect(done).toMatchObject({
      kind: "replyCompleted",
      revision: 5,
      message: { seq: 2, kind: "reply", attempt: 2, status: "completed", inReplyTo: "m1" },
    });
  });

  it("carries mood and affinity as they stand after each change", () => {
    const running = runningState({ mood: "calm", intensity: 0.5 });
    const mood = conversationUpdate(
      { type: "MoodShifted", data: { mood: "joyful", intensity: 0.9, previous: null, reason: "a joke" } },
      3,
      running,
    );
    expect(mood).toEqual({
      kind: "stateChanged",
      revision: 3,
      mood: { mood: "joyful", intensity: 0.9 },
      affinity: 0,
      affinityDelta: null,
      reason: "a joke",
    });
    const affinity = conversationUpdate(
      { type: "AffinityChanged", data: { delta: 2, requestedDelta: 2, reason: "kind", value: 2 } },
      4,
      running,
    );
    expect(affinity).toMatchObject({ mood: { mood: "joyful" }, affinity: 2, affinityDelta: 2 });
    expect(
      conversationUpdate(
        { type: "ConversationStarted", data: { userId: "u", agentId: "a", startedAt: at } },
        0,
        running,
      ),
    ).toBeNull();
  });
});
