import { agentAvailabilityAt } from "../application/prompt/agentAvailabilityAt.ts";
import { localTimeAt } from "../application/prompt/localTime.ts";
import type { AvailabilityShape, LocalTimeShape } from "./types/shared.ts";

export function agentLocalTime(timezone: string, now: Date): LocalTimeShape {
  const local = localTimeAt(now, timezone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    label: local.label,
    date: local.date,
    time: `${pad(local.hour)}:${pad(local.minute)}`,
    weekday: local.weekday,
    partOfDay: local.partOfDay,
    timezone,
  };
}

/** The agent's availability toward a person of this affinity, as the API shows it. */
export function agentAvailability(
  identity: { timezone: string; occupation: string },
  scenarios: Parameters<typeof agentAvailabilityAt>[1],
  affinity: number,
  now: Date,
): AvailabilityShape {
  const verdict = agentAvailabilityAt(identity, scenarios, affinity, now);
  return { status: verdict.status, reason: verdict.reason, until: verdict.deferUntil ?? null };
}
