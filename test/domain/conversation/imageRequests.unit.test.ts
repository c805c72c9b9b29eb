import { describe, expect, it } from "vitest";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { imageRequestsOn } from "../../../src/domain/conversation/imageRequests.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, answered, now, userId } from "./fixtures.ts";

const conversation = spec(conversationDecider);
const address = { userId, agentId, now };
const day1 = "2025-05-01T23:50:00.000Z";
const day2 = "2025-05-02T00:10:00.000Z";

function granted(requestId: string, grantedAt = day1): ConversationEvent {
  return {
    type: "ImageRequestGranted",
    data: {
      requestId,
      imageJobId: `job-${requestId}`,
      scenePrompt: "At the café counter",
      inReplyTo: "m1",
      grantedAt,
      causedBy: "r1",
    },
  };
}

describe("GrantImageRequest", () => {
  const command = {
    type: "GrantImageRequest",
    ...address,
    requestId: "q1",
    imageJobId: "job-q1",
    scenePrompt: " At the café counter ",
    inReplyTo: "m1",
    now: day1,
  } as const;

  it("grants a request made in a user message", () => {
    conversation
      .given(answered)
      .when(command)
      .then([granted("q1")]);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects a request about no known message", () => {
    conversation
      .given(answered)
      .when({ ...command, inReplyTo: "nope" })
      .thenRejects("MessageNotFound", "NOT_FOUND");
  });

  it("rejects a second decision on the same request", () => {
    conversation
      .given([...answered, granted("q1")])
      .when(command)
      .thenRejects("ImageRequestAlreadyDecided", "CONFLICT");
  });

  it("rejects an empty scene", () => {
    conversation
      .given(answered)
      .when({ ...command, scenePrompt: "  " })
      .thenRejects("ScenePromptInvalid", "BAD_USER_INPUT");
  });
});

describe("DeclineImageRequest", () => {
  const command = {
    type: "DeclineImageRequest",
    ...address,
    requestId: "q2",
    reason: "daily_limit",
    inReplyTo: "m1",
    now: day2,
  } as const;
  const declined: ConversationEvent = {
    type: "ImageRequestDeclined",
    data: { requestId: "q2", reason: "daily_limit", inReplyTo: "m1", declinedAt: day2, causedBy: "r1" },
  };

  it("declines a request made in a user message", () => {
    conversation.given(answered).when(command).then([declined]);
  });

  it("rejects a conversation that has not started", () => {
    conversation.given([]).when(command).thenRejects("ConversationNotStarted", "NOT_FOUND");
  });

  it("rejects a request about no known message", () => {
    conversation
      .given(answered)
      .when({ ...command, inReplyTo: "nope" })
      .thenRejects("MessageNotFound", "NOT_FOUND");
  });

  it("rejects declining a request already granted", () => {
    conversation
      .given([...answered, granted("q2")])
      .when(command)
      .thenRejects("ImageRequestAlreadyDecided", "CONFLICT");
  });

  it("counts decisions per UTC day and remembers the last grant", () => {
    const { state } = conversation.given([...answered, granted("q1", day1), granted("q3", day1), declined]);
    expect(imageRequestsOn(state, "2025-05-01T08:00:00.000Z")).toEqual({ granted: 2, declined: 0 });
    expect(imageRequestsOn(state, day2)).toEqual({ granted: 0, declined: 1 });
    expect(imageRequestsOn(state, "2025-05-03T12:00:00.000Z")).toEqual({ granted: 0, declined: 0 });
    expect(state.imageRequests.lastGrantedAt).toBe(day1);
  });

  it("keeps only the last few days of counts", () => {
    const given = [...answered];
    for (let day = 1; day <= 10; day++)
      given.push(granted(`d${day}`, `2025-06-${String(day).padStart(2, "0")}T12:00:00.000Z`));
    expect(Object.keys(conversation.given(given).state.imageRequests.perDay)).toHaveLength(7);
  });
});
