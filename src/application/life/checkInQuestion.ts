import { EVENT_ASKED_WITHIN_MS, type EventTold, eventOverAt } from "../memory/eventDue.ts";
import { howItWentQuestion } from "../persona/personaEventsOver.ts";

export interface CheckInQuestionInput {
  eventsTold: readonly EventTold[];
  lastUserMessageAt: string | null;
  lastInitiatedAt: string | null;
  /** The person's time zone: "tomorrow" is over once their tomorrow is. */
  timezone: string;
  personName: string;
  now: Date;
}

/** The order the directories list events told in: by when recorded, then by their words. */
export const byRecording = (a: EventTold, b: EventTold): number =>
  inCodePointOrder(a.recordedAt, b.recordedAt) || inCodePointOrder(a.text, b.text);

const inCodePointOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const after = (instant: string | null, overAt: number) => instant !== null && Date.parse(instant) >= overAt;

/**
 * "How did the driving test go?": what a check-in asks when something the person said was coming
 * up is over on their clock. Asked once: not when the agent already wrote first since it was over,
 * nor when the person has written since (they told, or their greeting was met with the question).
 */
export function checkInQuestion(input: CheckInQuestionInput): string | null {
  const now = input.now.getTime();
  const over = input.eventsTold.flatMap(({ text, recordedAt }) => {
    const overAt = Date.parse(eventOverAt(text, recordedAt, input.timezone) ?? "");
    const fresh = overAt <= now && now - overAt <= EVENT_ASKED_WITHIN_MS;
    const spokenSince = after(input.lastUserMessageAt, overAt) || after(input.lastInitiatedAt, overAt);
    return fresh && !spokenSince ? [{ text, overAt }] : [];
  });
  for (const event of over.sort((a, b) => b.overAt - a.overAt)) {
    const asked = howItWentQuestion(event.text, input.personName);
    if (asked) return asked;
  }
  return null;
}
