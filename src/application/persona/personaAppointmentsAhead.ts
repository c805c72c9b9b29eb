import {
  APPOINTMENTS_AT_A_TIME,
  SEEN_AT_A_TIME,
  TRAVEL_AT_A_TIME,
  TRIALS_AT_A_TIME,
} from "../memory/factPatterns.ts";
import type { SeededRandom } from "./personaRandom.ts";

const TRIAL = new RegExp(`^(?:${TRIALS_AT_A_TIME})$`);
const APPOINTMENT = new RegExp(`^(?:${APPOINTMENTS_AT_A_TIME})$`);
const TRIP = new RegExp(`^(?:${TRAVEL_AT_A_TIME})$`);
const THING = new RegExp(
  String.raw`\b(?:(?!(?:a|an|the|my|our|got|have|I|at)\b)([\w'’-]+) )?(${TRIALS_AT_A_TIME}|${APPOINTMENTS_AT_A_TIME}|${TRAVEL_AT_A_TIME})\b`,
  "i",
);

/**
 * "I have an interview at 11", "dentist appointment at 3": something coming up is neither good
 * nor bad news yet. A trial is wished luck with a tip for it; an appointment is hoped to go
 * smoothly; both are asked how the person feels about it. A trip ("flight at 6am") is wished
 * safe travels, with a practical word and a question about where to.
 */
export function meetAppointmentAhead(told: string, random: SeededRandom): string[] | null {
  // "physio at 11" is an appointment with the physio.
  const said = told.replace(
    new RegExp(`\\b(${SEEN_AT_A_TIME})(?:'s)? (?!appointment)`, "i"),
    "$1 appointment ",
  );
  const found = THING.exec(said);
  if (!found) return null;
  const noun = found[2]!.toLowerCase();
  const thing = `your ${found[1] ? `${found[1].toLowerCase()} ` : ""}${noun}`;
  if (TRIAL.test(noun))
    return [
      random.pick([`Good luck with ${thing}`, `Best of luck with ${thing}`, `Fingers crossed for ${thing}`]),
      random.pick([
        "Get there a little early and take a slow breath before you start",
        "Have a glass of water and a bite to eat beforehand — it helps more than it sounds",
        "Give yourself a few quiet minutes before it to settle",
      ]),
      random.pick(["How are you feeling about it?", "Do you feel ready?"]),
    ];
  if (TRIP.test(noun))
    return [
      random.pick(["Safe travels", "Have a safe trip", "I hope the journey goes smoothly"]),
      random.pick([
        "Leave yourself a little extra time to get there — it takes the rush out of it",
        "Pack the night before and set a second alarm, just in case",
        "Keep a snack and some water with you for the way",
      ]),
      // "train to Leeds at 7" already says where.
      / to \p{Lu}/u.test(told)
        ? "Is it for work or for fun?"
        : random.pick(["Where are you off to?", "Is it for work or for fun?"]),
    ];
  if (APPOINTMENT.test(noun))
    return [
      random.pick([`I hope ${thing} goes smoothly`, `Fingers crossed ${thing} goes well`]),
      random.pick(["How are you feeling about it?", "Are you nervous at all, or is it routine?"]),
    ];
  return null;
}
