import { RHYTHM_KINDS, type RhythmKind, type Season } from "../../domain/agent/dailyRhythm.ts";
import type { LifeEventKind } from "../../domain/agent/schemas.ts";
import type { Mood, MoodState } from "../../domain/shared/mood.ts";

/**
 * What can happen in an agent's day. A window is in local hours, either on the clock or relative
 * to the agent's rhythm (waking, bedtime, the start and end of a shift); `clock` narrows it for
 * texts that name a time of day. Placeholders: {city}, {interest}, {workplace}, {season}.
 * Descriptions are whole first-person sentences ("I sat through…"), so they read well when the
 * agent retells them.
 */
export type TemplateWindow =
  | { anchor: "clock"; from: number; to: number }
  | { anchor: "wake" | "bed" | "workStart" | "workEnd"; from: number; to: number }
  | { anchor: "work" };

export interface LifeEventTemplate {
  id: string;
  kind: LifeEventKind;
  when: TemplateWindow;
  clock?: readonly [number, number];
  /** On the agent's workdays or days off only; any day when left out. */
  days?: "work" | "off";
  rhythms?: readonly RhythmKind[];
  occupation?: RegExp;
  seasons?: readonly Season[];
  /** The same template does not come back within this many days. */
  cooldownDays: number;
  weight?: number;
  title: string;
  description: string;
  mood: MoodState | null;
}

/** Rhythms with a job to go to: days off mean something, work events can happen. */
export const WORKING_RHYTHMS: readonly RhythmKind[] = RHYTHM_KINDS.filter(
  (kind) => kind !== "retired" && kind !== "home",
);

export const clock = (from: number, to: number): TemplateWindow => ({ anchor: "clock", from, to });
export const wake = (from: number, to: number): TemplateWindow => ({ anchor: "wake", from, to });
export const bed = (from: number, to: number): TemplateWindow => ({ anchor: "bed", from, to });
export const workStart = (from: number, to: number): TemplateWindow => ({ anchor: "workStart", from, to });
export const workEnd = (from: number, to: number): TemplateWindow => ({ anchor: "workEnd", from, to });
export const atWork: TemplateWindow = { anchor: "work" };
export const mood = (name: Mood, intensity: number): MoodState => ({ mood: name, intensity });

type Options = Partial<
  Pick<LifeEventTemplate, "clock" | "days" | "rhythms" | "occupation" | "seasons" | "weight">
>;

export function template(
  id: string,
  kind: LifeEventKind,
  when: TemplateWindow,
  text: readonly [title: string, description: string],
  moodImpact: MoodState | null,
  options: Options & { cooldownDays?: number } = {},
): LifeEventTemplate {
  const cooldownDays = options.cooldownDays ?? (kind === "routine" ? 2 : kind === "milestone" ? 30 : 4);
  return { id, kind, when, title: text[0], description: text[1], mood: moodImpact, cooldownDays, ...options };
}
