import { z } from "zod";

/** The moods an agent can be in; a small named set so prompts and the client can rely on it. */
export const MOODS = [
  "joyful",
  "content",
  "calm",
  "playful",
  "affectionate",
  "curious",
  "melancholy",
  "anxious",
  "irritated",
  "tired",
] as const;

export type Mood = (typeof MOODS)[number];

export const MoodSchema = z.enum(MOODS);

export const IntensitySchema = z.number().min(0).max(1);

export const MoodStateSchema = z.object({ mood: MoodSchema, intensity: IntensitySchema });

export type MoodState = z.output<typeof MoodStateSchema>;

export const DEFAULT_MOOD: MoodState = { mood: "content", intensity: 0.5 };

export function isMood(value: string): value is Mood {
  return (MOODS as readonly string[]).includes(value);
}

export function isIntensity(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}
