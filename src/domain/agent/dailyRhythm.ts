import { inDailyWindow, minutesOfDay } from "../shared/clockTimes.ts";
import { WEEKDAYS, type Weekday } from "../shared/time.ts";
import type { DailyRhythm } from "./rhythmShape.ts";
import { fittedToHours, workHoursIn } from "./workingHours.ts";

export { type DailyRhythm, RHYTHM_KINDS, type RhythmKind } from "./rhythmShape.ts";

/**
 * When an agent sleeps and works, read from its occupation: a nurse on night shifts, a barista's
 * early mornings, a student's lectures, office hours. Hours the occupation states ("breakfast
 * show", "5am to 1pm") win over its trade, and sleep follows them. Life events and initiations
 * follow the rhythm.
 */

export type Season = "winter" | "spring" | "summer" | "autumn";

const WEEKDAYS_ONLY: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

const RULES: readonly { pattern: RegExp; rhythm: (occupation: string) => DailyRhythm }[] = [
  {
    pattern: /\b(retired|retiree|pensioner|in retirement)\b/,
    rhythm: () => ({
      kind: "retired",
      sleep: { bedtime: "22:30", wakeTime: "06:30" },
      work: { days: [], start: "09:00", end: "17:00" },
      workplace: "home",
    }),
  },
  {
    pattern: /student|undergrad|phd|doctoral/,
    rhythm: () => ({
      kind: "student",
      sleep: { bedtime: "00:30", wakeTime: "08:00" },
      work: { days: WEEKDAYS_ONLY, start: "09:30", end: "15:30" },
      workplace: "the university",
    }),
  },
  {
    pattern: /nurse|paramedic|midwife|doctor|physician|night/,
    rhythm: (occupation) => ({
      kind: "nightShift",
      sleep: { bedtime: "08:30", wakeTime: "15:30" },
      work: { days: ["mon", "tue", "wed", "thu"], start: "20:00", end: "07:00" },
      workplace: /nurse|paramedic|midwife|doctor|physician/.test(occupation) ? "the hospital" : "work",
    }),
  },
  {
    pattern: /barista|baker|bakery|caf[eé]|florist|fisherman|fisherwoman|fisher\b|fishmonger|milkman/,
    rhythm: (occupation) =>
      // Bread is baked and boats go out before the café opens.
      fittedToHours(
        {
          kind: "earlyShift",
          sleep: { bedtime: "21:30", wakeTime: "05:00" },
          work: { days: WEEKDAYS_ONLY, start: "06:00", end: "14:00" },
          workplace: /bak/.test(occupation)
            ? "the bakery"
            : /fish/.test(occupation)
              ? "the harbour"
              : "the café",
        },
        /fish|milk|bak/.test(occupation)
          ? { start: "05:00", end: "13:00" }
          : { start: "06:00", end: "14:00" },
      ),
  },
  {
    pattern: /\bradio\b|broadcaster|presenter|newsreader|podcaster/,
    rhythm: () => ({
      kind: "freelance",
      sleep: { bedtime: "00:00", wakeTime: "07:30" },
      work: { days: WEEKDAYS_ONLY, start: "10:00", end: "17:00" },
      workplace: "the studio",
    }),
  },
  {
    pattern:
      /bartender|barman|barmaid|waiter|waitress|sommelier|chef|(?<!home )\bcook\b|dishwasher|bouncer|\bdj\b/,
    rhythm: (occupation) => ({
      kind: "eveningShift",
      sleep: { bedtime: "02:00", wakeTime: "10:00" },
      work: { days: ["tue", "wed", "thu", "fri", "sat"], start: "16:00", end: "00:00" },
      workplace: /bar(?:tender|man|maid)?\b|sommelier|bouncer|\bdj\b/.test(occupation)
        ? "the bar"
        : "the restaurant",
    }),
  },
  {
    pattern: /teacher|teaching|tutor|lecturer|professor|headmaster|headteacher|principal/,
    rhythm: () => ({
      kind: "school",
      sleep: { bedtime: "23:00", wakeTime: "06:30" },
      work: { days: WEEKDAYS_ONLY, start: "08:00", end: "16:00" },
      workplace: "the school",
    }),
  },
  {
    pattern:
      /carpenter|plumber|electrician|builder|mechanic|gardener|landscaper|joiner|mason|roofer|welder|farmer|handyman|decorator/,
    rhythm: () => ({
      kind: "trade",
      sleep: { bedtime: "22:30", wakeTime: "06:00" },
      work: { days: WEEKDAYS_ONLY, start: "07:30", end: "16:00" },
      workplace: "work",
    }),
  },
  {
    pattern:
      /stay[- ]at[- ]home|homemaker|home cook|househusband|housewife|full[- ]time (?:parent|mum|mom|dad)|unemployed|between jobs|job[- ]hunting/,
    rhythm: () => ({
      kind: "home",
      sleep: { bedtime: "23:00", wakeTime: "07:00" },
      work: { days: [], start: "09:00", end: "17:00" },
      workplace: "home",
    }),
  },
  {
    pattern:
      /illustrat|artist|writer|author|novelist|poet|designer|photograph|musician|pianist|guitarist|violinist|cellist|drummer|singer|composer|freelanc|painter|potter|sculptor|actor|actress|dancer|translator|influencer|streamer|tattoo/,
    rhythm: () => ({
      kind: "freelance",
      sleep: { bedtime: "00:00", wakeTime: "07:30" },
      work: { days: WEEKDAYS_ONLY, start: "10:00", end: "17:00" },
      workplace: "the studio",
    }),
  },
];

/**
 * The rhythm of an occupation; `about`, the agent's own description ("hosts the breakfast show"),
 * is read for working hours only, when the occupation states none.
 */
export function rhythmFor(occupation: string, about = ""): DailyRhythm {
  const text = occupation.toLowerCase();
  const rule = RULES.find((r) => r.pattern.test(text));
  const rhythm: DailyRhythm = rule
    ? rule.rhythm(text)
    : {
        kind: "office",
        sleep: { bedtime: "23:30", wakeTime: "07:00" },
        work: { days: WEEKDAYS_ONLY, start: "09:00", end: "17:30" },
        workplace: "the office",
      };
  const hours = workHoursIn(text) ?? workHoursIn(about);
  return hours ? fittedToHours(rhythm, hours) : rhythm;
}

export function isAsleep(rhythm: DailyRhythm, minute: number): boolean {
  return inDailyWindow(minute, minutesOfDay(rhythm.sleep.bedtime), minutesOfDay(rhythm.sleep.wakeTime));
}

/** A shift as minutes relative to today's midnight: yesterday's overnight shift ends this morning. */
export interface ShiftSpan {
  start: number;
  end: number;
}

/** Shifts that started yesterday or start today, on the local clock of `weekday`. */
export function shiftsAround(rhythm: DailyRhythm, weekday: Weekday): ShiftSpan[] {
  const start = minutesOfDay(rhythm.work.start);
  let end = minutesOfDay(rhythm.work.end);
  if (end <= start) end += 1440;
  const today = WEEKDAYS.indexOf(weekday);
  const yesterday = WEEKDAYS[(today + 6) % 7]!;
  const spans: ShiftSpan[] = [];
  if (rhythm.work.days.includes(yesterday)) spans.push({ start: start - 1440, end: end - 1440 });
  if (rhythm.work.days.includes(weekday)) spans.push({ start, end });
  return spans;
}

export function isWorking(rhythm: DailyRhythm, weekday: Weekday, minute: number): boolean {
  return shiftsAround(rhythm, weekday).some((s) => minute >= s.start && minute < s.end);
}

export function isWorkday(rhythm: DailyRhythm, weekday: Weekday): boolean {
  return rhythm.work.days.includes(weekday);
}

/** Meteorological seasons, flipped for the southern hemisphere. */
export function seasonOf(month: number, hemisphere: "north" | "south"): Season {
  const north: Season[] = ["winter", "spring", "summer", "autumn"];
  const index = Math.floor((month % 12) / 3);
  const season = north[index]!;
  if (hemisphere === "north") return season;
  return north[(index + 2) % 4]!;
}
