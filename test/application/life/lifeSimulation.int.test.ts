import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultInitiationConfig } from "../../../src/application/life/initiationPolicy.ts";
import type { TickReport } from "../../../src/application/life/lifeScheduler.ts";
import { defaultMoodDecay } from "../../../src/application/life/moodDrift.ts";
import { runScheduler } from "../../../src/application/life/runScheduler.ts";
import { seededRandom } from "../../../src/application/life/seededRandom.ts";
import { createCatalogue } from "../../../src/domain/catalogue.ts";
import type { DomainEvent } from "../../../src/domain/shared/decider.ts";
import type { Mood } from "../../../src/domain/shared/mood.ts";
import { localDateTime } from "../../../src/domain/shared/time.ts";
import { agentStreamId, conversationStreamId } from "../../../src/domain/streamIds.ts";
import { type RecordedEvent, START } from "../../../src/ports/eventStore.ts";
import { type CoreHarness, startCoreHarness } from "../../support/coreHarness.ts";
import { SimulatedClock } from "../../support/simulatedClock.ts";
import {
  dailyCapViolations,
  initiationViolations,
  lifeEventViolations,
  moodDistance,
  type SimAgent,
  type SimPerson,
} from "./lifeSimulationChecks.ts";
import { AGENTS, PEOPLE, SCENARIOS, setUpWorld } from "./lifeSimulationWorld.ts";
import { lifeWorld } from "./lifeWorld.ts";

// Two weeks in which Berlin and London (26 Oct) and New York and Los Angeles (2 Nov) leave summer time.
const START_AT = new Date("2025-10-20T00:00:00Z");
const END_AT = new Date("2025-11-03T00:00:00Z");
const SILENT_FROM = new Date("2025-10-30T00:00:00Z");
const DND_AT = new Date("2025-10-28T12:00:00Z");
const initiation = { ...defaultInitiationConfig, affinityThreshold: 15 };

let harness: CoreHarness;
const reports: TickReport[] = [];
const byStream = new Map<string, DomainEvent[]>();

beforeAll(async () => {
  harness = await startCoreHarness();
  const world = lifeWorld(harness.store, { initiation });
  await setUpWorld(world, new Date("2025-10-19T12:00:00Z"));
  const clock = new SimulatedClock(START_AT);
  const stop = new AbortController();
  let dndSet = false;
  await runScheduler({
    clock,
    leases: harness.leases,
    logger: harness.logger,
    signal: stop.signal,
    onError: (error) => {
      throw error;
    },
    tick: async (now) => {
      if (!dndSet && now >= DND_AT) {
        await world.setDoNotDisturb("jordan", true, now);
        dndSet = true;
      }
      if (now < SILENT_FROM) await peopleAct(world, now);
      reports.push(await world.scheduler.tick(now));
      if (now.getTime() >= END_AT.getTime()) stop.abort();
    },
  });
  const catalogue = createCatalogue();
  for (let after = START; ; ) {
    const batch: RecordedEvent[] = await harness.store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) break;
    for (const e of batch) {
      const list = byStream.get(e.streamId) ?? [];
      list.push(catalogue.parse(e.type, e.metadata.schemaVersion, e.data));
      byStream.set(e.streamId, list);
    }
    after = batch.at(-1)!.position;
  }
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

/** People answer some initiations after a while, and write on their own some evenings. */
async function peopleAct(world: ReturnType<typeof lifeWorld>, now: Date): Promise<void> {
  for (const person of PEOPLE) {
    const local = localDateTime(now.toISOString(), person.timezone);
    const hour = Number(local.time.slice(0, 2));
    const awake = hour >= 9 && hour < 21;
    for (const agent of AGENTS) {
      const [conversation] = (await world.directory.conversationsWith(agent.agentId)).filter(
        (c) => c.userId === person.userId,
      );
      if (!conversation || !awake) continue;
      const { initiationsSinceUserMessage, lastInitiatedAt } = conversation.facts;
      const roll = seededRandom(person.userId, agent.agentId, lastInitiatedAt ?? "", "answer").next();
      const answers = roll < person.answers[agent.agentId]!;
      const waited = lastInitiatedAt ? now.getTime() - Date.parse(lastInitiatedAt) >= 90 * 60_000 : false;
      const spontaneous =
        local.time === person.writesAt && seededRandom(person.userId, agent.agentId, local.date).next() < 0.3;
      if ((initiationsSinceUserMessage > 0 && answers && waited) || spontaneous) {
        const mood = seededRandom(person.userId, agent.agentId, now.toISOString()).pick(MOODS)!;
        await world.exchange(person.userId, agent.agentId, now, mood);
      }
    }
  }
}

const MOODS: { mood: Mood; intensity: number }[] = [
  { mood: "joyful", intensity: 0.85 },
  { mood: "playful", intensity: 0.8 },
  { mood: "anxious", intensity: 0.7 },
  { mood: "affectionate", intensity: 0.8 },
];

const simAgents: SimAgent[] = AGENTS.map((a) => ({
  agentId: a.agentId,
  occupation: a.identity.occupation,
  timezone: a.identity.timezone,
  hemisphere: a.identity.latitude! < 0 ? "south" : "north",
  scenarios: SCENARIOS.filter((s) => s.agentId === a.agentId).map((s) => s.window),
}));
const simPeople: SimPerson[] = PEOPLE.map((p) => ({
  userId: p.userId,
  timezone: p.timezone,
  quietHours: p.quietHours,
  doNotDisturbFrom: p.userId === "jordan" ? DND_AT.toISOString() : null,
}));
const events = (streamId: string) => byStream.get(streamId) ?? [];

describe("two simulated weeks: 3 agents × 3 people", () => {
  it("ticked every quarter hour across both DST changes without a failure", () => {
    expect(reports).toHaveLength(14 * 96);
    expect(reports.reduce((n, r) => n + r.failures, 0)).toBe(0);
  });

  it("never broke the initiation rules: caps, backoff, three per silence, quiet hours, do-not-disturb", () => {
    const violations: string[] = [];
    let total = 0;
    let longest = 0;
    for (const person of simPeople) {
      const sent: string[] = [];
      for (const agent of simAgents) {
        const result = initiationViolations(
          events(conversationStreamId(person.userId, agent.agentId)),
          person,
          agent,
          initiation,
        );
        violations.push(...result.violations);
        sent.push(...result.sent);
        longest = Math.max(longest, result.longestSilence);
      }
      violations.push(...dailyCapViolations(person, sent, initiation.maxPerDay));
      total += sent.length;
    }
    expect(violations).toEqual([]);
    expect(total).toBeGreaterThan(20);
    expect(longest).toBe(3);
    const blocked = new Set(reports.flatMap((r) => Object.keys(r.blocked)));
    for (const reason of [
      "QuietHours",
      "DailyLimitReached",
      "BackingOff",
      "SilenceLimitReached",
      "DoNotDisturb",
      "AgentAsleep",
      "AgentBusy",
    ])
      expect(blocked).toContain(reason);
  });

  it("kept every life event on the agent's local clock, DST days included", () => {
    for (const agent of simAgents) {
      const stream = events(agentStreamId(agent.agentId));
      expect(lifeEventViolations(stream, agent)).toEqual([]);
      const lifeEvents = stream.filter((e) => e.type === "AgentLifeEventOccurred");
      expect(lifeEvents.length).toBeGreaterThan(14 * 2);
      const days = new Set(lifeEvents.map((e) => (e.data as { localTime: string }).localTime.slice(0, 10)));
      expect(days).toContain("2025-10-26");
      expect(days).toContain("2025-11-02");
    }
  });

  it("let moods fade back to the baseline while nobody talked", () => {
    for (const agent of simAgents) {
      const agentStream = events(agentStreamId(agent.agentId));
      const baseline = agentStream.reduce(
        (b, e) => (e.type === "AgentMoodBaselineDrifted" ? (e.data as { to: typeof b }).to : b),
        (agentStream[0]!.data as { moodBaseline: { mood: Mood; intensity: number } }).moodBaseline,
      );
      for (const person of simPeople) {
        const conversation = events(conversationStreamId(person.userId, agent.agentId));
        const shifts = conversation
          .filter((e) => e.type === "MoodShifted")
          .map((e) => e.data as { mood: Mood; intensity: number; reason: string });
        const lastChat = shifts.findLast((s) => s.reason === "the chat")!;
        expect(moodDistance(lastChat, baseline)).toBeGreaterThan(0.3);
        expect(shifts.at(-1)!.reason).toBe("time passed");
        expect(moodDistance(shifts.at(-1)!, baseline)).toBeLessThanOrEqual(defaultMoodDecay.minChange);
      }
    }
  });
});
