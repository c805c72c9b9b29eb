import { windowCoversInstant } from "../../domain/agent/scenarios.ts";
import type { ScenarioWindow } from "../../domain/agent/schemas.ts";
import { rhythmFor } from "../life/dailyRhythm.ts";
import { type AvailabilityVerdict, computeAvailability } from "./availability.ts";

interface ScenarioLike {
  title: string;
  description: string;
  window: ScenarioWindow;
  status: "active" | "retired";
}

/**
 * Free, busy (a scenario's window is open on the agent's clock) or asleep (by the daily rhythm of
 * its occupation), toward a person of this affinity: what the API shows and what decides whether a
 * reply goes out now or when the agent wakes up.
 */
export function agentAvailabilityAt(
  identity: { timezone: string; occupation: string },
  scenarios: readonly ScenarioLike[],
  affinity: number,
  now: Date,
): AvailabilityVerdict {
  const open = scenarios.filter(
    (s) => s.status === "active" && windowCoversInstant(s.window, now.toISOString(), identity.timezone),
  );
  return computeAvailability({
    now,
    timeZone: identity.timezone,
    scenarios: open.map((s) => ({ title: s.title, description: s.description, active: true })),
    affinity,
    sleepSchedule: rhythmFor(identity.occupation).sleep,
  });
}
