import { describe, expect, it } from "vitest";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import type { AgentEvent } from "../../../src/domain/agent/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, archived, created } from "./fixtures.ts";

const agent = spec(agentDecider);
const summer = "2025-07-01T12:30:00.000Z";

describe("RecordLifeEvent", () => {
  const command = {
    type: "RecordLifeEvent",
    agentId,
    lifeEventId: "life-1",
    kind: "event",
    title: "Caught in the rain",
    description: "Ran home from the tram stop, soaked.",
    moodImpact: { mood: "tired", intensity: 0.4 },
    now: summer,
  } as const;
  const occurred: AgentEvent = {
    type: "AgentLifeEventOccurred",
    data: {
      agentId,
      lifeEventId: "life-1",
      kind: "event",
      title: "Caught in the rain",
      description: "Ran home from the tram stop, soaked.",
      localTime: "2025-07-01T13:30",
      occurredAt: summer,
      moodImpact: { mood: "tired", intensity: 0.4 },
    },
  };

  it("records what happened with the agent's local wall clock", () => {
    agent.given([created]).when(command).then([occurred]);
  });

  it("records a routine without a mood impact", () => {
    agent
      .given([created])
      .when({ ...command, kind: "routine", moodImpact: undefined })
      .thenMatches([{ data: expect.objectContaining({ kind: "routine", moodImpact: null }) }]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it("rejects a life event recorded already", () => {
    agent.given([created, occurred]).when(command).thenRejects("LifeEventAlreadyRecorded", "CONFLICT");
  });

  it.each([
    { title: "" },
    { description: "d".repeat(2001) },
    { moodImpact: { mood: "ecstatic", intensity: 0.5 } },
  ])("rejects a life event with %j", (change) => {
    agent
      .given([created])
      .when({ ...command, ...change } as typeof command)
      .thenRejects("LifeEventInvalid", "BAD_USER_INPUT");
  });

  it("counts life events in the state", () => {
    const { state } = agent.given([created, occurred]);
    expect(state).toMatchObject({
      lifeEventCount: 1,
      lastLifeEventAt: summer,
      recentLifeEventIds: ["life-1"],
    });
  });
});

describe("DriftMoodBaseline", () => {
  const command = {
    type: "DriftMoodBaseline",
    agentId,
    to: { mood: "melancholy", intensity: 0.3 },
    reason: "A grey week",
    now: summer,
  } as const;
  const drifted: AgentEvent = {
    type: "AgentMoodBaselineDrifted",
    data: {
      agentId,
      from: { mood: "content", intensity: 0.5 },
      to: { mood: "melancholy", intensity: 0.3 },
      reason: "A grey week",
    },
  };

  it("drifts the baseline from where it was", () => {
    agent.given([created]).when(command).then([drifted]);
  });

  it("writes nothing when the baseline is already there", () => {
    agent.given([created, drifted]).when(command).then([]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it("rejects an unknown mood", () => {
    agent
      .given([created])
      .when({ ...command, to: { mood: "bored" as "calm", intensity: 0.3 } })
      .thenRejects("MoodBaselineInvalid", "BAD_USER_INPUT");
  });

  it("rejects a drift without a reason", () => {
    agent
      .given([created])
      .when({ ...command, reason: " " })
      .thenRejects("DriftReasonRequired", "BAD_USER_INPUT");
  });

  it("keeps the new baseline in the state", () => {
    expect(agent.given([created, drifted]).state.profile?.moodBaseline).toEqual({
      mood: "melancholy",
      intensity: 0.3,
    });
  });
});
