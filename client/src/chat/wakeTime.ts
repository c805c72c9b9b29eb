import type { Availability } from "./useConversation.ts";

const hourMinute = (at: Date, timeZone?: string) => {
  try {
    return at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone });
  } catch {
    return at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }
};

/**
 * When a sleeping agent wakes, on both clocks and saying whose each is: the agent's (as the header's
 * clock shows it) and the person's. `viewerTimeZone` is the browser's unless given.
 */
export function wakeTimes(
  agentName: string,
  until: string,
  agentTimeZone: string,
  viewerTimeZone?: string,
): { theirs: string; yours: string } {
  const at = new Date(until);
  return {
    theirs: `${hourMinute(at, agentTimeZone)} ${agentName}'s time`,
    yours: `${hourMinute(at, viewerTimeZone)} your time`,
  };
}

/** The header's words for a sleeping agent: when it wakes, on its clock and the person's. */
export function asleepBadgeText(
  agentName: string,
  availability: Pick<Availability, "reason" | "until">,
  agentTimeZone: string,
  viewerTimeZone?: string,
): string {
  if (!availability.until) return `${availability.reason} (${agentName}'s time)`;
  const wake = wakeTimes(agentName, availability.until, agentTimeZone, viewerTimeZone);
  return `asleep until ${wake.theirs} (${wake.yours})`;
}

/** The note under a message that waits for the morning: the person's clock first, the agent's beside it. */
export function answerAfterText(
  agentName: string,
  until: string,
  agentTimeZone: string,
  viewerTimeZone?: string,
): string {
  const wake = wakeTimes(agentName, until, agentTimeZone, viewerTimeZone);
  return `${agentName} is asleep and will answer after ${wake.yours} (${wake.theirs}).`;
}
