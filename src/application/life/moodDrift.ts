import type { DriftMoodBaseline } from "../../domain/agent/commands.ts";
import type { ShiftMood } from "../../domain/conversation/commands.ts";
import type { Mood, MoodState } from "../../domain/shared/mood.ts";
import { localDateTime } from "../../domain/shared/time.ts";
import type { RecentLifeEvent } from "./lifeEventPlanner.ts";
import { seededRandom } from "./seededRandom.ts";

/**
 * Two slow movements of mood. Per conversation, a mood fades back to the agent's baseline when
 * nobody talks (exponential, with a half-life). Per agent, the baseline itself drifts a little,
 * now and then, after what happened in its life, and settles back toward where it began.
 */
export interface MoodDecayConfig {
  halfLifeHours: number;
  /** Smaller changes are not worth an event. */
  minChange: number;
  /** Below this intensity a mood other than the baseline gives way to the baseline. */
  returnBelow: number;
  /** Decay waits this long after the person's last message. */
  quietMinutes: number;
}

export const defaultMoodDecay: MoodDecayConfig = {
  halfLifeHours: 6,
  minChange: 0.1,
  returnBelow: 0.15,
  quietMinutes: 30,
};

export const TIME_PASSED = "time passed";

export function decayedMood(
  current: MoodState,
  baseline: MoodState,
  elapsedMs: number,
  config: Pick<MoodDecayConfig, "halfLifeHours" | "returnBelow"> = defaultMoodDecay,
): MoodState {
  const factor = 0.5 ** (Math.max(0, elapsedMs) / (config.halfLifeHours * 3_600_000));
  if (current.mood === baseline.mood)
    return {
      mood: current.mood,
      intensity: round(baseline.intensity + (current.intensity - baseline.intensity) * factor),
    };
  const intensity = round(current.intensity * factor);
  return intensity < config.returnBelow ? { ...baseline } : { mood: current.mood, intensity };
}

export interface MoodDecayInput {
  userId: string;
  agentId: string;
  /** The conversation's own mood; none means it follows the baseline already. */
  mood: MoodState | null;
  /** When the mood last changed. */
  moodSince: string | null;
  lastUserMessageAt: string | null;
  baseline: MoodState;
  now: Date;
  config?: MoodDecayConfig;
}

/** A "time passed" mood shift when the fade since the last change is worth recording. */
export function moodDecayCommand(input: MoodDecayInput): ShiftMood | null {
  const config = input.config ?? defaultMoodDecay;
  const { mood, baseline, now } = input;
  if (!mood) return null;
  const lastSpoke = input.lastUserMessageAt ? Date.parse(input.lastUserMessageAt) : null;
  if (lastSpoke !== null && now.getTime() - lastSpoke < config.quietMinutes * 60_000) return null;
  const since = Math.max(lastSpoke ?? 0, input.moodSince ? Date.parse(input.moodSince) : 0);
  if (since === 0) return null;
  if (mood.mood === baseline.mood && Math.abs(mood.intensity - baseline.intensity) <= config.minChange)
    return null;
  const next = decayedMood(mood, baseline, now.getTime() - since, config);
  if (next.mood === mood.mood && Math.abs(next.intensity - mood.intensity) < config.minChange) return null;
  return {
    type: "ShiftMood",
    userId: input.userId,
    agentId: input.agentId,
    mood: next.mood,
    intensity: next.intensity,
    reason: TIME_PASSED,
    now: now.toISOString(),
  };
}

export interface BaselineDriftConfig {
  /** Largest change of intensity in one drift. */
  step: number;
  minIntensity: number;
  maxIntensity: number;
  /** Life events this recent move the baseline. */
  lookbackHours: number;
  /** Chance that a given local day has a drift at all. */
  chancePerDay: number;
}

export const defaultBaselineDrift: BaselineDriftConfig = {
  step: 0.05,
  minIntensity: 0.2,
  maxIntensity: 0.8,
  lookbackHours: 48,
  chancePerDay: 0.6,
};

export interface BaselineDriftInput {
  agentId: string;
  timezone: string;
  baseline: MoodState;
  /** Where the baseline began; with nothing happening it settles back there. */
  origin: MoodState;
  recentLifeEvents: readonly RecentLifeEvent[];
  lastDriftAt: string | null;
  now: Date;
  config?: BaselineDriftConfig;
}

/** At most one small drift per local day, at an hour picked from the agent and the date. */
export function planBaselineDrift(input: BaselineDriftInput): DriftMoodBaseline | null {
  const config = input.config ?? defaultBaselineDrift;
  const { baseline, origin, now } = input;
  const local = localDateTime(now.toISOString(), input.timezone);
  const random = seededRandom(input.agentId, local.date, "baseline drift");
  if (random.next() >= config.chancePerDay) return null;
  if (Number(local.time.slice(0, 2)) !== 9 + Math.floor(random.next() * 13)) return null;
  if (input.lastDriftAt && now.getTime() - Date.parse(input.lastDriftAt) < 20 * 3_600_000) return null;
  const since = now.getTime() - config.lookbackHours * 3_600_000;
  const moved = input.recentLifeEvents.filter((e) => e.moodImpact && Date.parse(e.occurredAt) >= since);
  const clamp = (x: number) => round(Math.min(config.maxIntensity, Math.max(config.minIntensity, x)));
  const toward = (target: MoodState): MoodState => {
    if (target.mood === baseline.mood) {
      const delta = Math.max(-config.step, Math.min(config.step, target.intensity - baseline.intensity));
      return { mood: baseline.mood, intensity: clamp(baseline.intensity + delta) };
    }
    // Another mood takes over only once the current one has faded to the floor.
    if (baseline.intensity - config.step < config.minIntensity + 1e-9)
      return { mood: target.mood, intensity: clamp(config.minIntensity + config.step) };
    return { mood: baseline.mood, intensity: clamp(baseline.intensity - config.step) };
  };
  let to: MoodState;
  let reason: string;
  if (moved.length === 0) {
    to = toward(origin);
    reason = "quiet days: settling back to the usual self";
  } else {
    const dominant = dominantMood(moved);
    const strongest = Math.max(
      ...moved.filter((e) => e.moodImpact?.mood === dominant).map((e) => e.moodImpact!.intensity),
    );
    to = toward({ mood: dominant, intensity: strongest });
    reason = `after ${moved
      .slice(-3)
      .map((e) => e.title)
      .join("; ")}`.slice(0, 200);
  }
  if (to.mood === baseline.mood && to.intensity === baseline.intensity) return null;
  return { type: "DriftMoodBaseline", agentId: input.agentId, to, reason, now: now.toISOString() };
}

function dominantMood(events: readonly RecentLifeEvent[]): Mood {
  const weight = new Map<Mood, number>();
  for (const e of events)
    weight.set(e.moodImpact!.mood, (weight.get(e.moodImpact!.mood) ?? 0) + e.moodImpact!.intensity);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
