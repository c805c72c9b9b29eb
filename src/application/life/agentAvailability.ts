import { activeScenariosAt, type Scenario } from "../../domain/agent/scenarios.ts";
import { localDateTime } from "../../domain/shared/time.ts";
import { type DailyRhythm, isAsleep, isWorking, minuteOf } from "./dailyRhythm.ts";

export interface AgentAvailability {
  status: "free" | "busy" | "asleep";
  reason: string;
}

/**
 * Whether the agent could write to someone now, on its own clock. A scenario wins over sleep (a
 * night out keeps it up); a shift keeps it busy too, so nobody gets a message mid-shift.
 */
export function agentAvailabilityAt(input: {
  rhythm: DailyRhythm;
  timezone: string;
  scenarios: readonly Scenario[];
  now: Date;
}): AgentAvailability {
  const instant = input.now.toISOString();
  const active = activeScenariosAt(input.scenarios, instant, input.timezone);
  if (active.length > 0) return { status: "busy", reason: `busy with ${active[0]!.title}` };
  const local = localDateTime(instant, input.timezone);
  const minute = minuteOf(local.time);
  if (isAsleep(input.rhythm, minute))
    return { status: "asleep", reason: `asleep until ${input.rhythm.sleep.wakeTime}` };
  if (isWorking(input.rhythm, local.weekday, minute))
    return { status: "busy", reason: `at work (${input.rhythm.workplace})` };
  return { status: "free", reason: "free" };
}
