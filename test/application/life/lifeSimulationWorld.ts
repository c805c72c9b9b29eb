import type { ScenarioWindow } from "../../../src/domain/agent/schemas.ts";
import type { AgentSeed, lifeWorld, PersonSeed } from "./lifeWorld.ts";

/** The cast of the two-week simulation: three agents on three continents, three people likewise. */

export const AGENTS: AgentSeed[] = [
  {
    agentId: "lena",
    name: "Lena Hoffmann",
    identity: { homeCity: "Berlin", occupation: "nurse", timezone: "Europe/Berlin", latitude: 52.52 },
    interests: ["bouldering", "sourdough baking"],
  },
  {
    agentId: "marcus",
    name: "Marcus Reed",
    identity: { homeCity: "New York", occupation: "barista", timezone: "America/New_York", latitude: 40.71 },
    interests: ["jazz records", "chess"],
  },
  {
    agentId: "aiko",
    name: "Aiko Tanaka",
    identity: {
      homeCity: "Sydney",
      occupation: "university student",
      timezone: "Australia/Sydney",
      latitude: -33.87,
    },
    interests: ["surfing", "film photography"],
  },
];

export interface SimPersonSeed extends PersonSeed {
  quietHours: { start: string; end: string };
  /** Chance of answering an agent's initiation, per agent. */
  answers: Record<string, number>;
  /** Local quarter hour at which they sometimes write first. */
  writesAt: string;
}

export const PEOPLE: SimPersonSeed[] = [
  {
    userId: "sam",
    displayName: "Sam Carter",
    timezone: "Europe/London",
    quietHours: { start: "22:00", end: "07:00" },
    answers: { lena: 1, marcus: 0, aiko: 0.5 },
    writesAt: "19:00",
  },
  {
    userId: "priya",
    displayName: "Priya Shah",
    timezone: "Asia/Kolkata",
    quietHours: { start: "23:30", end: "06:30" },
    answers: { lena: 0.8, marcus: 0.8, aiko: 0.8 },
    writesAt: "20:30",
  },
  {
    userId: "jordan",
    displayName: "Jordan Lee",
    timezone: "America/Los_Angeles",
    quietHours: { start: "21:00", end: "08:00" },
    answers: { lena: 0, marcus: 1, aiko: 0.5 },
    writesAt: "18:00",
  },
];

export const SCENARIOS: { agentId: string; scenarioId: string; title: string; window: ScenarioWindow }[] = [
  {
    agentId: "lena",
    scenarioId: "choir",
    title: "Choir rehearsal",
    window: { kind: "weekly", days: ["wed"], start: "18:00", end: "19:30" },
  },
  {
    agentId: "marcus",
    scenarioId: "catskills",
    title: "Weekend trip to the Catskills",
    window: { kind: "once", startsAt: "2025-10-25T12:00:00.000Z", endsAt: "2025-10-26T22:00:00.000Z" },
  },
  {
    agentId: "aiko",
    scenarioId: "surf-lesson",
    title: "Surf lesson at Bondi",
    window: { kind: "weekly", days: ["sat"], start: "10:00", end: "14:00" },
  },
];

/** Agents with their scenarios, people with their profiles, and four friendly exchanges per pair. */
export async function setUpWorld(world: ReturnType<typeof lifeWorld>, at: Date): Promise<void> {
  for (const agent of AGENTS) await world.createAgent(agent, at);
  for (const s of SCENARIOS)
    await world.agentCommand(
      {
        type: "AddScenario",
        agentId: s.agentId,
        scenarioId: s.scenarioId,
        title: s.title,
        description: `${s.title}; phone stays in the bag.`,
        window: s.window,
        now: at.toISOString(),
      },
      at,
    );
  for (const person of PEOPLE) await world.registerPerson(person, at);
  let minute = 0;
  for (const person of PEOPLE)
    for (const agent of AGENTS)
      for (let i = 0; i < 4; i++)
        await world.exchange(
          person.userId,
          agent.agentId,
          new Date(at.getTime() + ++minute * 60_000),
          i === 3 ? { mood: "joyful", intensity: 0.85 } : undefined,
        );
}
