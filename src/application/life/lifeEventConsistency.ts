import { type DailyRhythm, isAsleep, type Season, seasonOf } from "../../domain/agent/dailyRhythm.ts";
import type { Hemisphere } from "../../domain/agent/schemas.ts";
import { inDailyWindow, minutesOfDay } from "../../domain/shared/clockTimes.ts";
import type { Weekday } from "../../domain/shared/time.ts";

/**
 * Whether a life event's text fits the agent's wall clock: no "morning coffee" at 23:00, no
 * commute at 3 a.m., no weekend on a Tuesday, no snow in summer, nothing while the agent sleeps.
 * Works on any text, so it also checks what a language model wrote.
 */
export interface LocalMoment {
  /** "YYYY-MM-DD" on the agent's clock. */
  date: string;
  /** "HH:MM" on the agent's clock. */
  time: string;
  weekday: Weekday;
}

export interface ConsistencyContext {
  rhythm?: DailyRhythm;
  hemisphere?: Hemisphere;
}

interface TimeCue {
  name: string;
  pattern: RegExp;
  /** Local hour windows [from, to); a window runs past midnight when to < from. */
  hours: readonly (readonly [number, number])[];
}

const TIME_CUES: readonly TimeCue[] = [
  { name: "breakfast", pattern: /\bbreakfast\b/i, hours: [[5, 12]] },
  { name: "morning", pattern: /\bmornings?\b/i, hours: [[4, 12]] },
  { name: "sunrise", pattern: /\b(sunrise|dawn)\b/i, hours: [[4, 9]] },
  { name: "lunch", pattern: /\blunch\b/i, hours: [[11, 16]] },
  { name: "afternoon", pattern: /\bafternoons?\b/i, hours: [[12, 18]] },
  { name: "dinner", pattern: /\b(dinner|supper)\b/i, hours: [[17, 23]] },
  { name: "evening", pattern: /\b(evenings?|sunset)\b/i, hours: [[16, 24]] },
  { name: "tonight", pattern: /\b(tonight|late[- ]night|midnight)\b/i, hours: [[18, 4]] },
  {
    name: "commute",
    pattern: /\bcommut/i,
    hours: [
      [5, 10.5],
      [15, 21],
    ],
  },
];

const WEEKDAY_NAMES: Record<Weekday, RegExp> = {
  mon: /\bmondays?\b/i,
  tue: /\btuesdays?\b/i,
  wed: /\bwednesdays?\b/i,
  thu: /\bthursdays?\b/i,
  fri: /\bfridays?\b/i,
  sat: /\bsaturdays?\b/i,
  sun: /\bsundays?\b/i,
};

const SEASON_CUES: readonly { name: string; pattern: RegExp; seasons: readonly Season[] }[] = [
  {
    name: "snow",
    pattern: /\b(snow\w*|frost\w*|sledg\w*|skiing)\b/i,
    seasons: ["winter", "autumn", "spring"],
  },
  { name: "heat", pattern: /\b(heatwave|sunbath\w*|beach)\b/i, seasons: ["summer", "spring", "autumn"] },
  { name: "blossom", pattern: /\bblossom\w*\b/i, seasons: ["spring"] },
  { name: "autumn leaves", pattern: /\b(autumn|fall) leaves\b/i, seasons: ["autumn"] },
];

/** Why the event does not fit; empty when it does. */
export function timeInconsistencies(
  event: { title: string; description: string },
  local: LocalMoment,
  context: ConsistencyContext = {},
): string[] {
  const text = `${event.title}\n${event.description}`;
  const minute = minutesOfDay(local.time);
  const problems: string[] = [];
  for (const cue of TIME_CUES)
    if (cue.pattern.test(text) && !cue.hours.some(([from, to]) => inDailyWindow(minute, from * 60, to * 60)))
      problems.push(`mentions ${cue.name} at ${local.time}`);
  if (/\bweekends?\b/i.test(text) && local.weekday !== "sat" && local.weekday !== "sun")
    problems.push(`mentions the weekend on a ${local.weekday}`);
  for (const [day, pattern] of Object.entries(WEEKDAY_NAMES))
    if (day !== local.weekday && pattern.test(text)) problems.push(`names ${day} on a ${local.weekday}`);
  if (context.hemisphere) {
    const season = seasonOf(Number(local.date.slice(5, 7)), context.hemisphere);
    for (const cue of SEASON_CUES)
      if (cue.pattern.test(text) && !cue.seasons.includes(season))
        problems.push(`mentions ${cue.name} in ${season}`);
  }
  if (context.rhythm && isAsleep(context.rhythm, minute))
    problems.push(`happens at ${local.time}, while the agent sleeps`);
  return problems;
}

export function isConsistentWithLocalTime(
  event: { title: string; description: string },
  local: LocalMoment,
  context: ConsistencyContext = {},
): boolean {
  return timeInconsistencies(event, local, context).length === 0;
}
