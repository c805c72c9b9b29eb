import type { InitiationConfig } from "../../../src/application/life/initiationPolicy.ts";
import { timeInconsistencies } from "../../../src/application/life/lifeEventConsistency.ts";
import { parseLifeEventId } from "../../../src/application/life/lifeEventPlanner.ts";
import { isAsleep, isWorking, rhythmFor } from "../../../src/domain/agent/dailyRhythm.ts";
import { windowCoversInstant } from "../../../src/domain/agent/scenarios.ts";
import type { Hemisphere, ScenarioWindow } from "../../../src/domain/agent/schemas.ts";
import { minutesOfDay } from "../../../src/domain/shared/clockTimes.ts";
import type { DomainEvent } from "../../../src/domain/shared/decider.ts";
import type { MoodState } from "../../../src/domain/shared/mood.ts";
import { localDateTime } from "../../../src/domain/shared/time.ts";
import type { QuietHours } from "../../../src/domain/user/events.ts";

/** Checks of the simulation's outcome, read from the stored events alone (not from the policy code). */

export interface SimAgent {
  agentId: string;
  occupation: string;
  timezone: string;
  hemisphere: Hemisphere;
  scenarios: ScenarioWindow[];
}

export interface SimPerson {
  userId: string;
  timezone: string;
  quietHours: QuietHours;
  doNotDisturbFrom: string | null;
}

type Data = Record<string, unknown>;
const data = (event: DomainEvent) => event.data as Data;
const inWindow = (minute: number, start: string, end: string) => {
  const [a, b] = [minutesOfDay(start), minutesOfDay(end)];
  return a < b ? minute >= a && minute < b : minute >= a || minute < b;
};

/** Every rule of agent-initiated messages, replayed over one conversation's events. */
export function initiationViolations(
  events: readonly DomainEvent[],
  person: SimPerson,
  agent: SimAgent,
  config: InitiationConfig,
): { violations: string[]; sent: string[]; longestSilence: number } {
  const violations: string[] = [];
  const sent: string[] = [];
  let lastWord = 0;
  let lastInitiated = 0;
  let inSilence = 0;
  let longestSilence = 0;
  let affinity = 0;
  const minutes = (ms: number) => ms / 60_000;
  for (const event of events) {
    const d = data(event);
    if (event.type === "UserMessageSent") [lastWord, inSilence] = [Date.parse(d.sentAt as string), 0];
    if (event.type === "AgentReplyCompleted") lastWord = Date.parse(d.completedAt as string);
    if (event.type === "AffinityChanged") affinity = d.value as number;
    if (event.type !== "AgentInitiatedMessage") continue;
    const at = d.sentAt as string;
    const t = Date.parse(at);
    const where = `${person.userId}←${agent.agentId} at ${at}`;
    if (inSilence >= config.maxPerSilence) violations.push(`${where}: a 4th initiation in one silence`);
    if (inSilence === 0 && minutes(t - lastWord) < config.silenceMinutes)
      violations.push(`${where}: silence too short`);
    const factor = config.backoffFactors[inSilence - 1] ?? 1;
    if (inSilence > 0 && minutes(t - lastInitiated) < config.silenceMinutes * factor)
      violations.push(`${where}: backoff ×${factor} not respected`);
    const personLocal = localDateTime(at, person.timezone);
    if (inWindow(minutesOfDay(personLocal.time), person.quietHours.start, person.quietHours.end))
      violations.push(`${where}: inside quiet hours (${personLocal.time})`);
    if (person.doNotDisturbFrom && t >= Date.parse(person.doNotDisturbFrom))
      violations.push(`${where}: do-not-disturb`);
    if (affinity < config.affinityThreshold) violations.push(`${where}: affinity ${affinity}`);
    const agentLocal = localDateTime(at, agent.timezone);
    const rhythm = rhythmFor(agent.occupation);
    if (isAsleep(rhythm, minutesOfDay(agentLocal.time)))
      violations.push(`${where}: agent asleep (${agentLocal.time})`);
    if (isWorking(rhythm, agentLocal.weekday, minutesOfDay(agentLocal.time)))
      violations.push(`${where}: agent at work`);
    if (agent.scenarios.some((w) => windowCoversInstant(w, at, agent.timezone)))
      violations.push(`${where}: agent busy`);
    inSilence++;
    longestSilence = Math.max(longestSilence, inSilence);
    lastInitiated = t;
    lastWord = t;
    sent.push(at);
  }
  return { violations, sent, longestSilence };
}

/** At most `maxPerDay` initiations per person and calendar day in their time zone, across agents. */
export function dailyCapViolations(person: SimPerson, sent: readonly string[], maxPerDay: number): string[] {
  const perDay = new Map<string, number>();
  for (const at of sent) {
    const day = localDateTime(at, person.timezone).date;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return [...perDay]
    .filter(([, n]) => n > maxPerDay)
    .map(([day, n]) => `${person.userId}: ${n} initiations on ${day}`);
}

/** Every life event on the agent's clock: stored local time, text, sleep, slots and cooldowns. */
export function lifeEventViolations(events: readonly DomainEvent[], agent: SimAgent): string[] {
  const violations: string[] = [];
  const rhythm = rhythmFor(agent.occupation);
  const slots = new Set<string>();
  for (const event of events) {
    if (event.type !== "AgentLifeEventOccurred") continue;
    const d = data(event) as {
      occurredAt: string;
      localTime: string;
      title: string;
      description: string;
      lifeEventId: string;
    };
    const local = localDateTime(d.occurredAt, agent.timezone);
    if (d.localTime !== local.wallClock)
      violations.push(`${d.lifeEventId}: stored ${d.localTime}, clock says ${local.wallClock}`);
    for (const problem of timeInconsistencies(d, local, { rhythm, hemisphere: agent.hemisphere }))
      violations.push(`${agent.agentId} "${d.title}" on ${local.weekday} ${local.wallClock}: ${problem}`);
    const slot = parseLifeEventId(d.lifeEventId)?.slot ?? "unplanned";
    if (slots.has(slot)) violations.push(`${agent.agentId}: two life events in slot ${slot}`);
    slots.add(slot);
    const busy = agent.scenarios.some((w) => windowCoversInstant(w, d.occurredAt, agent.timezone));
    if (busy && !parseLifeEventId(d.lifeEventId)?.templateId.startsWith("scenario."))
      violations.push(`${agent.agentId} "${d.title}" while busy with a scenario`);
  }
  return violations;
}

/** How far a mood is from the baseline: the intensity gap for the same mood, 1 for another. */
export function moodDistance(mood: MoodState | null, baseline: MoodState): number {
  if (!mood) return 0;
  return mood.mood === baseline.mood ? Math.abs(mood.intensity - baseline.intensity) : 1;
}
