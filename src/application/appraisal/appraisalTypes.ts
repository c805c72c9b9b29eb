import { z } from "zod";

import { AFFINITY_MAX, AFFINITY_MIN, AFFINITY_TURN_LIMIT } from "../../domain/conversation/events.ts";
import { MOODS } from "../../domain/shared/mood.ts";

/** The mood names the conversation aggregate uses. */
export const moodNames = MOODS;

export type MoodName = (typeof moodNames)[number];

export const affinityBounds = { min: AFFINITY_MIN, max: AFFINITY_MAX } as const;
/** How far one exchange may move affinity either way. */
export const maxAffinityStep = AFFINITY_TURN_LIMIT;

export const appraisalInputSchema = z.object({
  personMessage: z.string(),
  reply: z.string(),
  mood: z.object({ name: z.enum(moodNames), intensity: z.number().min(0).max(1) }),
  /** The agent's resting mood, where it drifts back to when nothing happens. */
  baselineMood: z.enum(moodNames).default("calm"),
  affinity: z.number().min(affinityBounds.min).max(affinityBounds.max),
  /** ISO instant of this message. */
  now: z.string(),
  /** ISO instant of the person's previous message, if any. */
  previousMessageAt: z.string().nullable().default(null),
});

export type AppraisalInput = z.input<typeof appraisalInputSchema>;
export type ParsedAppraisalInput = z.output<typeof appraisalInputSchema>;

export interface Appraisal {
  mood: { name: MoodName; intensity: number; reason: string };
  affinity: { delta: number; value: number; reason: string };
  /** Where the verdict came from: the rules, or a model's answer checked against the same bounds. */
  source: "rules" | "model";
}

export function clampAffinityDelta(delta: number): number {
  if (!Number.isFinite(delta)) return 0;
  return Math.max(-maxAffinityStep, Math.min(maxAffinityStep, Math.round(delta)));
}

export function clampAffinity(value: number): number {
  return Math.max(affinityBounds.min, Math.min(affinityBounds.max, Math.round(value)));
}

export function clampIntensity(value: number): number {
  if (!Number.isFinite(value)) return 0.5;
  return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
}
