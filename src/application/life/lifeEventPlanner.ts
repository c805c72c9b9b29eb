import {
  type DailyRhythm,
  isAsleep,
  isWorkday,
  isWorking,
  rhythmFor,
  seasonOf,
  shiftsAround,
} from "../../domain/agent/dailyRhythm.ts";
import type { Hemisphere, LifeEventKind } from "../../domain/agent/schemas.ts";
import { inDailyWindow, minutesOfDay } from "../../domain/shared/clockTimes.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import { type LocalDateTime, localDateTime } from "../../domain/shared/time.ts";
import { isConsistentWithLocalTime } from "./lifeEventConsistency.ts";
import { LIFE_EVENT_TEMPLATES, type LifeEventTemplate } from "./lifeEventTemplates.ts";
import { type SeededRandom, seededRandom, shortHash } from "./seededRandom.ts";

/**
 * Decides, at one tick, whether something happens in the agent's life and what. One slot per
 * local hour: a repeated tick (or the repeated hour when clocks go back) finds the slot taken.
 */
export interface LifeAgentProfile {
  agentId: string;
  name: string;
  identity: { homeCity: string; occupation: string; timezone: string; hemisphere: Hemisphere };
  interests: readonly string[];
}

export interface RecentLifeEvent {
  lifeEventId: string;
  kind: LifeEventKind;
  title: string;
  description: string;
  occurredAt: string;
  moodImpact: MoodState | null;
}

export interface LifeEventPlanInput {
  agent: LifeAgentProfile;
  now: Date;
  activeScenarios: readonly { scenarioId: string; title: string; description: string }[];
  recentLifeEvents: readonly RecentLifeEvent[];
  rhythm?: DailyRhythm;
  /** Chance that an awake hour holds an event (default 0.3). */
  chance?: number;
  templates?: readonly LifeEventTemplate[];
}

export interface LifeEventPlan {
  lifeEventId: string;
  templateId: string;
  kind: LifeEventKind;
  title: string;
  description: string;
  moodImpact: MoodState | null;
  local: LocalDateTime;
}

const DAY_MS = 86_400_000;

export function planLifeEvent(input: LifeEventPlanInput): LifeEventPlan | null {
  const { agent, now } = input;
  const rhythm = input.rhythm ?? rhythmFor(agent.identity.occupation);
  const local = localDateTime(now.toISOString(), agent.identity.timezone);
  const minute = local.minuteOfDay;
  if (isAsleep(rhythm, minute)) return null;
  const slot = `${local.date}T${local.time.slice(0, 2)}`;
  const prefix = `life~${shortHash(agent.agentId)}~${slot}~`;
  if (input.recentLifeEvents.some((e) => e.lifeEventId.startsWith(prefix))) return null;
  const random = seededRandom(agent.agentId, slot);
  // Each hour's event has its own quarter, so events do not all fall on the hour.
  if (Number(local.time.slice(3)) < Math.floor(random.next() * 4) * 15) return null;
  const lastByTemplate = lastOccurrences(input.recentLifeEvents);
  const recentlyUsed = (templateId: string, days: number) =>
    now.getTime() - (lastByTemplate.get(templateId) ?? Number.NEGATIVE_INFINITY) < days * DAY_MS;
  const plan = (templateId: string, t: Omit<LifeEventPlan, "lifeEventId" | "templateId" | "local">) => ({
    lifeEventId: `${prefix}${templateId}`,
    templateId,
    local,
    ...t,
  });

  if (input.activeScenarios.length > 0) {
    // Busy with a scenario: that is what the hour is about, told once in a while.
    const scenario = random.pick(input.activeScenarios)!;
    const templateId = `scenario.${shortHash(scenario.scenarioId)}`;
    if (recentlyUsed(templateId, 0.75) || random.next() >= 0.5) return null;
    return plan(templateId, {
      kind: "event",
      title: scenario.title,
      description: scenario.description,
      moodImpact: null,
    });
  }
  if (random.next() >= (input.chance ?? 0.3)) return null;
  const season = seasonOf(Number(local.date.slice(5, 7)), agent.identity.hemisphere);
  const candidates = (input.templates ?? LIFE_EVENT_TEMPLATES)
    .filter((t) => fits(t, rhythm, local, minute, agent.identity.occupation, season))
    .filter((t) => !recentlyUsed(t.id, t.cooldownDays))
    .map((t) => ({ t, text: renderTemplate(t, { agent, rhythm, season, random }) }))
    .filter(({ text }) =>
      isConsistentWithLocalTime(text, local, { rhythm, hemisphere: agent.identity.hemisphere }),
    );
  const chosen = random.pick(candidates, ({ t }) => t.weight ?? 1);
  if (!chosen) return null;
  return plan(chosen.t.id, { kind: chosen.t.kind, ...chosen.text, moodImpact: chosen.t.mood });
}

/** The slot and template a planned life event id names; null for ids made elsewhere. */
export function parseLifeEventId(lifeEventId: string): { slot: string; templateId: string } | null {
  const parts = lifeEventId.split("~");
  if (parts.length !== 4 || parts[0] !== "life") return null;
  return { slot: parts[2]!, templateId: parts[3]! };
}

function lastOccurrences(events: readonly RecentLifeEvent[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const event of events) {
    const parsed = parseLifeEventId(event.lifeEventId);
    if (!parsed) continue;
    const at = Date.parse(event.occurredAt);
    if (at > (last.get(parsed.templateId) ?? Number.NEGATIVE_INFINITY)) last.set(parsed.templateId, at);
  }
  return last;
}

/** Whether a template can ever happen to someone of this rhythm and occupation, whatever the hour. */
export function templateSuits(t: LifeEventTemplate, rhythm: DailyRhythm, occupation: string): boolean {
  if (t.rhythms && !t.rhythms.includes(rhythm.kind)) return false;
  if (t.occupation && !t.occupation.test(occupation)) return false;
  const works = rhythm.work.days.length > 0;
  if (t.when.anchor !== "clock" && t.when.anchor !== "wake" && t.when.anchor !== "bed" && !works)
    return false;
  if (t.days === "work" && !works) return false;
  return true;
}

function fits(
  t: LifeEventTemplate,
  rhythm: DailyRhythm,
  local: LocalDateTime,
  minute: number,
  occupation: string,
  season: string,
): boolean {
  if (!templateSuits(t, rhythm, occupation)) return false;
  if (t.seasons && !t.seasons.some((s) => s === season)) return false;
  if (t.days === "work" && !isWorkday(rhythm, local.weekday)) return false;
  if (t.days === "off" && isWorkday(rhythm, local.weekday)) return false;
  if (t.clock && !inDailyWindow(minute, t.clock[0] * 60, t.clock[1] * 60)) return false;
  const hours = (h: number) => Math.round(h * 60);
  const shifts = shiftsAround(rhythm, local.weekday);
  const when = t.when;
  switch (when.anchor) {
    case "work":
      return shifts.some((s) => minute >= s.start + 30 && minute < s.end - 30);
    case "workStart":
    case "workEnd":
      return shifts.some((s) => {
        const at = when.anchor === "workStart" ? s.start : s.end;
        return minute >= at + hours(when.from) && minute < at + hours(when.to);
      });
    case "clock":
    case "wake":
    case "bed": {
      if (isWorking(rhythm, local.weekday, minute)) return false;
      const base =
        when.anchor === "clock"
          ? 0
          : minutesOfDay(when.anchor === "wake" ? rhythm.sleep.wakeTime : rhythm.sleep.bedtime);
      return inDailyWindow(minute, base + hours(when.from), base + hours(when.to));
    }
    default:
      return assertNever(when);
  }
}

export function renderTemplate(
  t: LifeEventTemplate,
  context: { agent: LifeAgentProfile; rhythm: DailyRhythm; season: string; random: SeededRandom },
): { title: string; description: string } {
  const interest = context.random.pick(context.agent.interests) ?? "reading";
  const fill = (text: string) =>
    text
      .replaceAll("{city}", context.agent.identity.homeCity)
      .replaceAll("{interest}", interest)
      .replaceAll("{workplace}", context.rhythm.workplace)
      .replaceAll("{season}", context.season);
  return { title: fill(t.title), description: fill(t.description) };
}
