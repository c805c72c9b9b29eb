import type { SeededRandom } from "./personaRandom.ts";

/**
 * Questions about the world rather than about the agent or the person. The offline companion
 * knows no encyclopaedia, so a question of fact gets an honest "I don't know", never a shrug
 * that asks the question back; a big question of life may be mulled over together.
 */

const bigQuestion =
  /\b(?:meaning of|point of|purpose of|why (?:are|do|is|does) (?:we|people|life|the world)|life|love|happiness|god|universe|death|afterlife|fate|free will)\b/i;

/** "Climate change", "the war": subjects no one is glib about. */
const graveSubject =
  /\b(?:climate|global warming|war|wars|politics|election|religion|abortion|racism|poverty|hunger|famine|refugees?|immigration|guns?|shootings?|terror\w*|pandemic|covid|death penalty|genocide|inequality|the news)\b/i;

export function answerGeneralQuestion(text: string, random: SeededRandom): string[] {
  if (bigQuestion.test(text))
    return [
      random.pick(["That's a big one", "Ooh, that's a deep one"]),
      random.pick(["I'd say it depends — what made you think of it?", "I go back and forth on it, honestly"]),
    ];
  return [
    random.pick([
      "Honestly, I don't know that one off the top of my head",
      "I'm not sure, to be honest",
      "No idea, honestly",
    ]),
    random.pick(["I'd have to look it up", "You'd get a better answer from a search than from me"]),
  ];
}

/** What the agent thinks of a topic: warm about ordinary things, sober about grave ones. */
export function opinionOn(topic: string, random: SeededRandom): string {
  if (graveSubject.test(topic))
    return random.pick([
      `Honestly, ${topic} worries me`,
      `It's a heavy one; I think about ${topic} more than I'd like`,
    ]);
  return `Honestly, I think ${topic} is ${random.pick(["underrated", "fascinating", "a lot, in a good way", "worth a proper conversation"])}`;
}
