import type { CreateAgent } from "../../../src/domain/agent/commands.ts";
import type { AgentCreated, AgentEvent } from "../../../src/domain/agent/events.ts";

export const agentId = "a1";
export const now = "2025-03-03T08:00:00.000Z";

export const createAgent: CreateAgent = {
  type: "CreateAgent",
  agentId,
  name: "Noa",
  persona: {
    summary: "A warm barista who loves rainy mornings.",
    traits: ["warm", "curious"],
    speakingStyle: "Short sentences, a little teasing.",
    backstory: "Grew up by the sea.",
    interests: ["coffee", "film photography"],
  },
  identity: {
    homeCity: "Lisbon",
    country: "Portugal",
    occupation: "Barista",
    timezone: "Europe/Lisbon",
    latitude: 38.7,
  },
  appearancePrompt: "Short dark hair, freckles, green apron.",
  source: "manual",
  createdBy: "admin-1",
  now,
};

export const created: AgentCreated = {
  type: "AgentCreated",
  data: {
    agentId,
    name: "Noa",
    persona: {
      ...createAgent.persona,
      traits: [...createAgent.persona.traits],
      interests: [...createAgent.persona.interests],
      selfDescribesAsAI: false,
    },
    identity: {
      homeCity: "Lisbon",
      country: "Portugal",
      occupation: "Barista",
      timezone: "Europe/Lisbon",
      latitude: 38.7,
      hemisphere: "north",
    },
    appearancePrompt: "Short dark hair, freckles, green apron.",
    moodBaseline: { mood: "content", intensity: 0.5 },
    source: "manual",
    createdBy: "admin-1",
    createdAt: now,
  },
};

export const archived: AgentEvent = {
  type: "AgentArchived",
  data: { agentId, archivedBy: "admin-1", reason: null, archivedAt: now },
};

export const weeklyScenario: AgentEvent = {
  type: "ScenarioAdded",
  data: {
    agentId,
    scenarioId: "s1",
    title: "Morning shift",
    description: "Behind the counter at the café.",
    window: { kind: "weekly", days: ["mon", "tue", "wed", "thu", "fri"], start: "07:00", end: "15:00" },
    addedAt: now,
  },
};
