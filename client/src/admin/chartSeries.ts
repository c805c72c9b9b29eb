export interface MoodPoint {
  id: string;
  at: number;
  mood: string;
  intensity: number;
  reason: string;
}

export interface AffinityPoint {
  id: string;
  at: number;
  value: number;
  delta: number;
  reason: string;
}

/** The conversation's history as the API serves it (the mood_history and affinity_deltas read models). */
export interface ConversationHistory {
  mood: readonly { at: unknown; mood: string; intensity: number; reason: string; revision: number }[];
  affinity: readonly { at: unknown; delta: number; value: number; reason: string; revision: number }[];
}

/** Mood and affinity over time, as points for the chart. */
export function seriesFromHistory(history: ConversationHistory): {
  mood: MoodPoint[];
  affinity: AffinityPoint[];
} {
  return {
    mood: history.mood.map((p) => ({
      id: `mood-${p.revision}`,
      at: Date.parse(String(p.at)),
      mood: p.mood.toLowerCase(),
      intensity: p.intensity,
      reason: p.reason,
    })),
    affinity: history.affinity.map((p) => ({
      id: `affinity-${p.revision}`,
      at: Date.parse(String(p.at)),
      value: p.value,
      delta: p.delta,
      reason: p.reason,
    })),
  };
}

/** Evenly spaced round ticks between two times, at most `count`. */
export function timeTicks(from: number, to: number, count = 5): number[] {
  if (!(to > from)) return [from];
  const steps = [
    1e3,
    5e3,
    15e3,
    60e3,
    5 * 60e3,
    15 * 60e3,
    3600e3,
    6 * 3600e3,
    86400e3,
    7 * 86400e3,
    30 * 86400e3,
  ];
  const step = steps.find((s) => (to - from) / s <= count) ?? steps.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks.length > 0 ? ticks : [from, to];
}

/** A time tick as precise as the span needs: seconds for minutes, dates for days. */
export function tickLabel(at: number, span: number): string {
  const date = new Date(at);
  if (span < 5 * 60e3)
    return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  if (span < 86400e3) return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  return date.toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}
