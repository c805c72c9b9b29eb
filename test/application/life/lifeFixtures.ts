import type { LifeAgentProfile, RecentLifeEvent } from "../../../src/application/life/lifeEventPlanner.ts";
import { planLifeEvent } from "../../../src/application/life/lifeEventPlanner.ts";

export const lena: LifeAgentProfile = {
  agentId: "agent-lena",
  name: "Lena Hoffmann",
  identity: { homeCity: "Berlin", occupation: "nurse", timezone: "Europe/Berlin", hemisphere: "north" },
  interests: ["bouldering", "sourdough baking"],
};

export const marcus: LifeAgentProfile = {
  agentId: "agent-marcus",
  name: "Marcus Reed",
  identity: {
    homeCity: "New York",
    occupation: "barista",
    timezone: "America/New_York",
    hemisphere: "north",
  },
  interests: ["jazz records", "chess"],
};

export const aiko: LifeAgentProfile = {
  agentId: "agent-aiko",
  name: "Aiko Tanaka",
  identity: {
    homeCity: "Sydney",
    occupation: "university student",
    timezone: "Australia/Sydney",
    hemisphere: "south",
  },
  interests: ["surfing", "film photography"],
};

export const priya: LifeAgentProfile = {
  agentId: "agent-priya",
  name: "Priya Nair",
  identity: {
    homeCity: "Toronto",
    occupation: "software engineer",
    timezone: "America/Toronto",
    hemisphere: "north",
  },
  interests: ["running"],
};

export const QUARTER_HOUR = 900_000;

/** Every planned event of `days` days of 15-minute ticks from `start`, fed back as recent events. */
export function simulatePlans(agent: LifeAgentProfile, start: string, days: number): RecentLifeEvent[] {
  const recent: RecentLifeEvent[] = [];
  const from = Date.parse(start);
  for (let t = from; t < from + days * 86_400_000; t += QUARTER_HOUR) {
    const plan = planLifeEvent({ agent, now: new Date(t), activeScenarios: [], recentLifeEvents: recent });
    if (plan) recent.push({ ...plan, occurredAt: new Date(t).toISOString() });
  }
  return recent;
}
