import { minutesOfDay } from "../shared/clockTimes.ts";
import type { DailyRhythm, RhythmKind } from "./rhythmShape.ts";

/** Local "HH:MM" times a working day starts and ends; an end before the start runs past midnight. */
export interface WorkHours {
  start: string;
  end: string;
}

const CLOCK = String.raw`(\d{1,2})(?:[:.](\d\d))?\s*(am|pm|a\.m\.|p\.m\.)?`;
/** "5am to 1pm", "04:00–12:00", "10pm-6am"; bare numbers ("2-3 days") are no hours. */
const RANGE = new RegExp(String.raw`\b${CLOCK}\s*(?:-|–|—|to|until|till)\s*${CLOCK}`, "i");
/** "Starts at 4am", "up at 3:30", "from 5 a.m.". */
const START = new RegExp(
  String.raw`\b(?:starts?|starting|begins?|from|up|on air|clocks? in) (?:work )?at ${CLOCK}`,
  "i",
);

/** Working-time words, for work described without a clock; only words about work itself. */
const CUES: readonly { said: RegExp; hours: WorkHours }[] = [
  {
    said: /\b(?:breakfast|morning) (?:show|shift|slot|programme|program|radio)|\bearly[- ](?:morning )?(?:shifts?|starts?)|\bup before (?:dawn|sunrise)\b/i,
    hours: { start: "05:00", end: "13:00" },
  },
  {
    said: /\bnight[- ]?(?:shifts?|show|porter|watch\w*|guard|bus|duty)|\b(?:works?|working) nights\b|\b(?:overnight|graveyard|late[- ]night) (?:shifts?|show)\b/i,
    hours: { start: "22:00", end: "06:00" },
  },
  {
    said: /\bevening (?:shifts?|show)|\blate shifts?\b/i,
    hours: { start: "16:00", end: "00:00" },
  },
];

const EIGHT_HOURS = 480;
const SEVEN_HOURS = 420;

/** The working hours an occupation states, by the clock or in words; null when it states none. */
export function workHoursIn(occupation: string): WorkHours | null {
  const range = RANGE.exec(occupation);
  if (range && (range[3] || range[6] || range[2] || range[5])) {
    const endHalf = range[6] ?? null;
    // "5-11am": the first time shares the second's half of the day.
    const start = clockOf(range[1]!, range[2], range[3] ?? endHalf);
    const end = clockOf(range[4]!, range[5], endHalf);
    if (start !== null && end !== null) return { start: clockText(start), end: clockText(end) };
  }
  const starts = START.exec(occupation);
  // "From 12 years on" is no start: a bare number counts only after "starts at".
  const clocked = starts && (starts[2] || starts[3] || /^(?:start|begin|clock)/i.test(starts[0]));
  const start = clocked ? clockOf(starts[1]!, starts[2], starts[3]) : null;
  if (start !== null) return { start: clockText(start), end: clockText(start + EIGHT_HOURS) };
  return CUES.find((cue) => cue.said.test(occupation))?.hours ?? null;
}

/**
 * A rhythm moved to the hours worked: work that starts before eight wakes the agent an hour
 * before it and sends it to bed seven hours before that; work that runs into the night sends it
 * to bed an hour and a half after and lets it sleep seven and a half hours; any other work is
 * only woken up for in time.
 */
export function fittedToHours(rhythm: DailyRhythm, hours: WorkHours): DailyRhythm {
  const start = minutesOfDay(hours.start);
  const end = minutesOfDay(hours.end);
  const early = start >= 120 && start < 480;
  const late = end <= start || start >= 18 * 60;
  const kind: RhythmKind = early
    ? "earlyShift"
    : late && start >= 20 * 60
      ? "nightShift"
      : late
        ? "eveningShift"
        : rhythm.kind;
  const wakeBy = start - 60;
  const sleep = early
    ? { bedtime: clockText(wakeBy - SEVEN_HOURS), wakeTime: clockText(wakeBy) }
    : late
      ? { bedtime: clockText(end + 90), wakeTime: clockText(end + 90 + 450) }
      : minutesOfDay(rhythm.sleep.wakeTime) > wakeBy
        ? { bedtime: clockText(wakeBy - EIGHT_HOURS), wakeTime: clockText(wakeBy) }
        : rhythm.sleep;
  const days =
    rhythm.work.days.length > 0 ? rhythm.work.days : (["mon", "tue", "wed", "thu", "fri"] as const);
  return { ...rhythm, kind, sleep, work: { days, start: hours.start, end: hours.end } };
}

/** Minutes after midnight of "4", "4:30" and an optional am/pm; null for no time of day. */
function clockOf(hour: string, minute: string | undefined, half: string | null | undefined): number | null {
  let h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (h > 23 || m > 59) return null;
  const pm = half?.toLowerCase().startsWith("p") === true;
  const am = half?.toLowerCase().startsWith("a") === true;
  if ((pm || am) && h > 12) return null;
  if (pm && h < 12) h += 12;
  if (am && h === 12) h = 0;
  return h * 60 + m;
}

function clockText(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
