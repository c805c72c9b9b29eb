import type { SeededRandom } from "./personaRandom.ts";

/** Something the person is put to the test at: how it goes is up to them. */
const TRIAL = /^(?:interview|exam|test|audition|viva|assessment|trial|presentation)$/;
/** Something done to or for them: how it goes is in others' hands. */
const APPOINTMENT =
  /^(?:appointment|hearing|surgery|operation|check-?up|scan|consultation|procedure|meeting)$/;
const THING =
  /\b(?:(?!(?:a|an|the|my|our|got|have|I|at)\b)([\w'’-]+) )?(interview|exam|test|audition|viva|assessment|trial|presentation|appointment|hearing|surgery|operation|check-?up|scan|consultation|procedure|meeting)\b/i;

/**
 * "I have an interview at 11", "dentist appointment at 3": something coming up is neither good
 * nor bad news yet. A trial is wished luck with a tip for it; an appointment is hoped to go
 * smoothly; both are asked how the person feels about it.
 */
export function meetAppointmentAhead(told: string, random: SeededRandom): string[] | null {
  const found = THING.exec(told);
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
  if (APPOINTMENT.test(noun))
    return [
      random.pick([`I hope ${thing} goes smoothly`, `Fingers crossed ${thing} goes well`]),
      random.pick(["How are you feeling about it?", "Are you nervous at all, or is it routine?"]),
    ];
  return null;
}
