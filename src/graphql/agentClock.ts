import { availabilityAt } from "../domain/agent/availability.ts";
import type { Scenario } from "../domain/agent/scenarios.ts";
import { localDateTime } from "../domain/shared/time.ts";
import type { AvailabilityShape, LocalTimeShape } from "./types/shared.ts";

export function agentLocalTime(timezone: string, now: Date): LocalTimeShape {
  const local = localDateTime(now, timezone);
  return {
    label: local.label,
    date: local.date,
    time: local.time,
    weekday: local.weekdayName,
    partOfDay: local.partOfDay,
    timezone,
  };
}

/** The agent's availability toward a person of this affinity, as the API shows it. */
export function agentAvailability(
  agent: { identity: { timezone: string; occupation: string }; persona: { summary: string } },
  scenarios: readonly Scenario[],
  affinity: number,
  now: Date,
): AvailabilityShape {
  const { identity, persona } = agent;
  const verdict = availabilityAt({ identity, about: persona.summary, scenarios, affinity, now });
  return { status: verdict.status, reason: verdict.reason, until: verdict.deferUntil ?? null };
}
