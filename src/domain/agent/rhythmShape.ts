import type { Weekday } from "../shared/time.ts";

/** The kinds of day an agent's work gives it, and the shape of its rhythm. */
export type RhythmKind =
  | "retired"
  | "nightShift"
  | "earlyShift"
  | "eveningShift"
  | "student"
  | "school"
  | "trade"
  | "freelance"
  | "home"
  | "office";

export const RHYTHM_KINDS: readonly RhythmKind[] = [
  "retired",
  "nightShift",
  "earlyShift",
  "eveningShift",
  "student",
  "school",
  "trade",
  "freelance",
  "home",
  "office",
];

export interface DailyRhythm {
  kind: RhythmKind;
  /** Local "HH:MM" times; the same shape as the reply prompt's sleep schedule. */
  sleep: { bedtime: string; wakeTime: string };
  /** Shifts start on these local days; an end before the start runs past midnight. */
  work: { days: readonly Weekday[]; start: string; end: string };
  /** Where the agent goes to work, for the texts: "the hospital", "the university". */
  workplace: string;
}
