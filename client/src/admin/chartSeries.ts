import type { StoredEvent } from "./streamData.ts";

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

/** Mood and affinity over time from a conversation's stored MoodShifted and AffinityChanged events. */
export function seriesFromEvents(events: readonly StoredEvent[]): {
  mood: MoodPoint[];
  affinity: AffinityPoint[];
} {
  const mood: MoodPoint[] = [];
  const affinity: AffinityPoint[] = [];
  for (const event of events) {
    const at = Date.parse(event.recordedAt);
    const data = event.data as Record<string, unknown>;
    if (event.type === "MoodShifted")
      mood.push({
        id: event.id,
        at,
        mood: String(data.mood),
        intensity: Number(data.intensity),
        reason: String(data.reason ?? ""),
      });
    else if (event.type === "AffinityChanged")
      affinity.push({
        id: event.id,
        at,
        value: Number(data.value),
        delta: Number(data.delta),
        reason: String(data.reason ?? ""),
      });
  }
  return { mood, affinity };
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
