import { describe, expect, it } from "vitest";
import type { AddScenario } from "../../../src/domain/agent/commands.ts";
import { agentDecider, scenariosKeepingAgentBusy } from "../../../src/domain/agent/decider.ts";
import type { AgentEvent } from "../../../src/domain/agent/events.ts";
import { MAX_ACTIVE_SCENARIOS, windowCoversInstant } from "../../../src/domain/agent/scenarios.ts";
import { spec } from "../../support/deciderSpec.ts";
import { agentId, archived, created, now, weeklyScenario } from "./fixtures.ts";

const agent = spec(agentDecider);

const addWeekly: AddScenario = {
  type: "AddScenario",
  agentId,
  scenarioId: "s1",
  title: " Morning shift ",
  description: "Behind the counter at the café.",
  window: { kind: "weekly", days: ["fri", "mon", "wed", "tue", "thu", "mon"], start: "07:00", end: "15:00" },
  now,
};

const addOnce: AddScenario = {
  ...addWeekly,
  scenarioId: "s2",
  title: "Trip to Porto",
  description: "Visiting her sister for the weekend.",
  window: { kind: "once", startsAt: "2025-03-08T09:00:00.000Z", endsAt: "2025-03-09T20:00:00.000Z" },
};

describe("AddScenario", () => {
  it("adds a weekly scenario with its days in calendar order", () => {
    agent.given([created]).when(addWeekly).then([weeklyScenario]);
  });

  it("adds a one-off scenario", () => {
    agent
      .given([created])
      .when(addOnce)
      .then([
        {
          type: "ScenarioAdded",
          data: {
            agentId,
            scenarioId: "s2",
            title: "Trip to Porto",
            description: "Visiting her sister for the weekend.",
            window: {
              kind: "once",
              startsAt: "2025-03-08T09:00:00.000Z",
              endsAt: "2025-03-09T20:00:00.000Z",
            },
            addedAt: now,
          },
        },
      ]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(addWeekly).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, archived]).when(addWeekly).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it("rejects a scenario id already used, even by a retired scenario", () => {
    const retired: AgentEvent = {
      type: "ScenarioRetired",
      data: { agentId, scenarioId: "s1", reason: null },
    };
    agent
      .given([created, weeklyScenario, retired])
      .when(addWeekly)
      .thenRejects("ScenarioIdTaken", "CONFLICT");
  });

  it.each([
    { title: "" },
    { title: "t".repeat(81) },
    { description: " " },
    { title: "\u200B" },
    { description: "\u3164" },
  ])("rejects a scenario with %j", (change) => {
    agent
      .given([created])
      .when({ ...addWeekly, ...change })
      .thenRejects("ScenarioInvalid", "BAD_USER_INPUT");
  });

  it.each([
    { kind: "weekly", days: [], start: "07:00", end: "15:00" },
    { kind: "weekly", days: ["mon"], start: "07:00", end: "07:00" },
    { kind: "weekly", days: ["mon"], start: "7:00", end: "15:00" },
    { kind: "weekly", days: ["someday"], start: "07:00", end: "15:00" },
    { kind: "once", startsAt: "2025-03-09T09:00:00.000Z", endsAt: "2025-03-08T09:00:00.000Z" },
    { kind: "once", startsAt: "soon", endsAt: "2025-03-08T09:00:00.000Z" },
  ])("rejects the window %j", (window) => {
    agent
      .given([created])
      .when({ ...addWeekly, window: window as AddScenario["window"] })
      .thenRejects("ScenarioWindowInvalid", "BAD_USER_INPUT");
  });

  it("rejects a one-off window that is already over", () => {
    agent
      .given([created])
      .when({ ...addOnce, window: { kind: "once", startsAt: "2025-03-01T09:00:00.000Z", endsAt: now } })
      .thenRejects("ScenarioWindowInPast", "BAD_USER_INPUT");
  });

  it("rejects more active scenarios than the limit", () => {
    const given: AgentEvent[] = [created];
    for (let i = 0; i < MAX_ACTIVE_SCENARIOS; i++)
      given.push({ ...weeklyScenario, data: { ...weeklyScenario.data, scenarioId: `x${i}` } } as AgentEvent);
    agent.given(given).when(addWeekly).thenRejects("TooManyScenarios", "CONFLICT");
  });
});

describe("RetireScenario", () => {
  const command = { type: "RetireScenario", agentId, scenarioId: "s1", reason: "Changed jobs", now } as const;

  it("retires an active scenario", () => {
    agent
      .given([created, weeklyScenario])
      .when(command)
      .then([{ type: "ScenarioRetired", data: { agentId, scenarioId: "s1", reason: "Changed jobs" } }]);
  });

  it("rejects an unknown agent", () => {
    agent.given([]).when(command).thenRejects("AgentNotFound", "NOT_FOUND");
  });

  it("rejects changes to an archived agent", () => {
    agent.given([created, weeklyScenario, archived]).when(command).thenRejects("AgentIsArchived", "CONFLICT");
  });

  it("rejects an unknown scenario", () => {
    agent.given([created]).when(command).thenRejects("ScenarioNotFound", "NOT_FOUND");
  });

  it("rejects retiring a scenario twice", () => {
    const retired: AgentEvent = {
      type: "ScenarioRetired",
      data: { agentId, scenarioId: "s1", reason: null },
    };
    agent
      .given([created, weeklyScenario, retired])
      .when(command)
      .thenRejects("ScenarioNotActive", "CONFLICT");
  });

  it("rejects an overlong reason", () => {
    agent
      .given([created, weeklyScenario])
      .when({ ...command, reason: "r".repeat(201) })
      .thenRejects("ReasonInvalid");
  });
});

describe("when scenarios keep the agent busy", () => {
  const overnight = { kind: "weekly", days: ["fri"], start: "22:00", end: "02:00" } as const;

  it.each([
    ["Friday 23:00 in Tokyo", "2025-03-07T14:00:00.000Z", true],
    ["Saturday 01:00 in Tokyo", "2025-03-07T16:00:00.000Z", true],
    ["Saturday 03:00 in Tokyo", "2025-03-07T18:00:00.000Z", false],
    ["Thursday 23:00 in Tokyo", "2025-03-06T14:00:00.000Z", false],
  ])("reads a window past midnight on the agent's clock: %s", (_, instant, covered) => {
    expect(windowCoversInstant(overnight, instant, "Asia/Tokyo")).toBe(covered);
  });

  it("counts a one-off window from its start up to its end", () => {
    const window = {
      kind: "once",
      startsAt: "2025-03-08T09:00:00.000Z",
      endsAt: "2025-03-09T20:00:00.000Z",
    } as const;
    expect(windowCoversInstant(window, "2025-03-08T09:00:00.000Z", "UTC")).toBe(true);
    expect(windowCoversInstant(window, "2025-03-09T20:00:00.000Z", "UTC")).toBe(false);
  });

  it("lists the active scenarios open at an instant, not the retired ones", () => {
    const { state } = agent.given([created, weeklyScenario]);
    expect(scenariosKeepingAgentBusy(state, "2025-03-03T08:00:00.000Z").map((s) => s.scenarioId)).toEqual([
      "s1",
    ]);
    expect(scenariosKeepingAgentBusy(state, "2025-03-08T08:00:00.000Z")).toEqual([]);
    const retired = agent.given([
      created,
      weeklyScenario,
      { type: "ScenarioRetired", data: { agentId, scenarioId: "s1", reason: null } },
    ]).state;
    expect(scenariosKeepingAgentBusy(retired, "2025-03-03T08:00:00.000Z")).toEqual([]);
  });
});
