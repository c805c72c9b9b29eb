import { isClockTime, minutesOfDay } from "../shared/clockTimes.ts";
import { assertNever, DomainError } from "../shared/decider.ts";
import { charCount, isBlank } from "../shared/text.ts";
import { isBefore, isInstant, localDateTime, WEEKDAYS, type Weekday } from "../shared/time.ts";
import type { ScenarioWindowInput } from "./agentInputs.ts";
import { LIMITS, type ScenarioWindow } from "./schemas.ts";

export const MAX_ACTIVE_SCENARIOS = 20;

export interface Scenario {
  scenarioId: string;
  title: string;
  description: string;
  window: ScenarioWindow;
  status: "active" | "retired";
}

export function checkScenarioText(
  title: string,
  description: string,
): { title: string; description: string } {
  const t = title.trim();
  const d = description.trim();
  if (isBlank(t) || charCount(t) > LIMITS.scenarioTitle)
    throw new DomainError(
      "ScenarioInvalid",
      "BAD_USER_INPUT",
      `Give the scenario a title of 1 to ${LIMITS.scenarioTitle} characters.`,
    );
  if (isBlank(d) || charCount(d) > LIMITS.scenarioDescription)
    throw new DomainError(
      "ScenarioInvalid",
      "BAD_USER_INPUT",
      `Describe the scenario in 1 to ${LIMITS.scenarioDescription} characters.`,
    );
  return { title: t, description: d };
}

/** A window that can open at some point from `now` on; weekly days come back in calendar order. */
export function checkScenarioWindow(window: ScenarioWindowInput, now: string): ScenarioWindow {
  switch (window.kind) {
    case "weekly": {
      const days = WEEKDAYS.filter((day) => window.days.includes(day));
      const known = window.days.every((day) => (WEEKDAYS as readonly string[]).includes(day));
      if (days.length === 0 || !known)
        throw invalidWindow("Pick at least one weekday (mon to sun) for the scenario.");
      if (!isClockTime(window.start) || !isClockTime(window.end) || window.start === window.end)
        throw invalidWindow("Give the scenario two different 24-hour times, such as 09:00 to 17:30.");
      return { kind: "weekly", days, start: window.start, end: window.end };
    }
    case "once": {
      if (
        !isInstant(window.startsAt) ||
        !isInstant(window.endsAt) ||
        !isBefore(window.startsAt, window.endsAt)
      )
        throw invalidWindow("Give the scenario a start that comes before its end.");
      if (!isBefore(now, window.endsAt))
        throw new DomainError(
          "ScenarioWindowInPast",
          "BAD_USER_INPUT",
          "This scenario would already be over; give it an end in the future.",
        );
      return { kind: "once", startsAt: window.startsAt, endsAt: window.endsAt };
    }
    default:
      return assertNever(window);
  }
}

/** Whether the window is open at `instant`, reading weekly windows on the agent's own clock. */
export function windowCoversInstant(window: ScenarioWindowInput, instant: string, timezone: string): boolean {
  switch (window.kind) {
    case "once":
      return !isBefore(instant, window.startsAt) && isBefore(instant, window.endsAt);
    case "weekly": {
      const local = localDateTime(instant, timezone);
      const minute = minutesOfDay(local.time);
      const start = minutesOfDay(window.start);
      const end = minutesOfDay(window.end);
      const on = (day: Weekday) => window.days.includes(day);
      if (start < end) return on(local.weekday) && minute >= start && minute < end;
      // Past midnight: the evening part belongs to the listed day, the small hours to the day after.
      return (on(local.weekday) && minute >= start) || (on(previousDay(local.weekday)) && minute < end);
    }
    default:
      return assertNever(window);
  }
}

/** The scenarios keeping the agent busy at `instant`. */
export function activeScenariosAt(
  scenarios: readonly Scenario[],
  instant: string,
  timezone: string,
): Scenario[] {
  return scenarios.filter((s) => s.status === "active" && windowCoversInstant(s.window, instant, timezone));
}

function previousDay(day: Weekday): Weekday {
  const index = WEEKDAYS.indexOf(day);
  return WEEKDAYS[(index + WEEKDAYS.length - 1) % WEEKDAYS.length]!;
}

function invalidWindow(message: string): DomainError {
  return new DomainError("ScenarioWindowInvalid", "BAD_USER_INPUT", message);
}
