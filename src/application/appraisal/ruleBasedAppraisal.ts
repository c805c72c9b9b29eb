import { readSignals, type Signal } from "./appraisalSignals.ts";
import {
  type Appraisal,
  type AppraisalInput,
  appraisalInputSchema,
  clampAffinity,
  clampAffinityDelta,
  clampIntensity,
  type ParsedAppraisalInput,
} from "./appraisalTypes.ts";

/** How much a mood fades per quiet exchange, and below which it gives way to the baseline. */
const settleStep = 0.05;
const fadedIntensity = 0.2;

/** Offline appraisal of one exchange: signals in the person's message move mood and affinity. */
export function appraiseByRules(input: AppraisalInput): Appraisal {
  const parsed = appraisalInputSchema.parse(input);
  const signals = readSignals(parsed);
  return {
    mood: nextMood(parsed, signals),
    affinity: affinityChange(parsed, signals),
    source: "rules",
  };
}

function affinityChange(input: ParsedAppraisalInput, signals: readonly Signal[]): Appraisal["affinity"] {
  const raw = signals.reduce((sum, signal) => sum + signal.affinity, 0);
  const delta = clampAffinityDelta(raw);
  const value = clampAffinity(input.affinity + delta);
  const reasons = signals.filter((signal) => signal.affinity !== 0).map((signal) => signal.reason);
  const reason = reasons.length ? `${capitalize(joinReasons(reasons))}.` : "An ordinary exchange.";
  return { delta: value - Math.round(input.affinity), value, reason };
}

/**
 * The strongest signal wins when it is at least as strong as the current mood (a little inertia);
 * the same mood deepens; with nothing to react to, the mood fades toward the baseline.
 */
function nextMood(input: ParsedAppraisalInput, signals: readonly Signal[]): Appraisal["mood"] {
  const current = input.mood;
  const strongest = signals[0];
  if (strongest) {
    if (strongest.mood === current.name) {
      const intensity = clampIntensity(current.intensity + strongest.strength * 0.4);
      return { name: current.name, intensity, reason: `Still ${current.name}, after ${strongest.reason}.` };
    }
    if (strongest.strength >= current.intensity * 0.75) {
      const intensity = clampIntensity(0.15 + strongest.strength * 0.8);
      return {
        name: strongest.mood,
        intensity,
        reason: `Became ${strongest.mood} after ${strongest.reason}.`,
      };
    }
    const intensity = clampIntensity(current.intensity - settleStep);
    return {
      name: current.name,
      intensity,
      reason: `Stayed ${current.name}; ${strongest.reason} was not enough to change it.`,
    };
  }
  const settled = clampIntensity(current.intensity - settleStep);
  if (settled < fadedIntensity && current.name !== input.baselineMood)
    return { name: input.baselineMood, intensity: 0.4, reason: `The ${current.name} mood faded.` };
  return { name: current.name, intensity: settled, reason: "Nothing in particular; the mood settles." };
}

function joinReasons(reasons: readonly string[]): string {
  if (reasons.length <= 1) return reasons.join("");
  return `${reasons.slice(0, -1).join(", ")} and ${reasons.at(-1)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
