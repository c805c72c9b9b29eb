import type { SeededRandom } from "./personaRandom.ts";
import { answerWhatToSeeIn } from "./personaTripTips.ts";
import { capitalize } from "./personaTyping.ts";
import { worldFactAnswer } from "./personaWorldFacts.ts";

/**
 * Questions about the world rather than about the agent or the person. The offline companion
 * knows no encyclopaedia beyond what everyone learns at school (capitals), so any other question
 * of fact gets an honest "I don't know", never a shrug
 * that asks the question back; a big question of life may be mulled over together.
 */

const bigQuestion =
  /\b(?:meaning of|point of|purpose of|why (?:are|do|is|does) (?:we|people|life|the world)|life|love|happiness|god|universe|death|afterlife|fate|free will)\b/i;

/** "Climate change", "the war": subjects no one is glib about. */
const graveSubject =
  /\b(?:climate|global warming|war|wars|politics|election|religion|abortion|racism|poverty|hunger|famine|refugees?|immigration|guns?|shootings?|terror\w*|pandemic|covid|death penalty|genocide|inequality|the news)\b/i;

/**
 * "How do you say thank you in Japanese?", "translate 'good night' into Spanish", "what does
 * 'hygge' mean?": a question about words, whose words are not said to the agent.
 */
export const asksAboutWords =
  /\bhow (?:do|would|can|should) (?:you|i|we|one|people|they) (?:say|spell|pronounce|write)\b|\btranslat(?:e|ion)\b|\bwhat(?:'s| is) the (?:word|phrase) for\b|\bwhat (?:does|do) (?:the word |the phrase )?\S[^?]{0,40} mean\b/i;

const LANGUAGE = "(\\p{L}+)";
const wordsAsked: readonly RegExp[] = [
  new RegExp(`\\b(say|spell|pronounce|write) (.{1,40}?)(?: in ${LANGUAGE})?\\s*\\??$`, "iu"),
  new RegExp(`\\b(translate) (.{1,40}?)(?: (?:in|into|to) ${LANGUAGE})?\\s*\\??$`, "iu"),
  new RegExp(`\\b(?:word|phrase) (for) (.{1,40}?)(?: in ${LANGUAGE})?\\s*\\??$`, "iu"),
  /\bwhat (?:does|do) (?:the word |the phrase )?()(.{1,40}?) (?:mean|stand for)\b(?: in (\p{L}+))?/iu,
];

const OWN_PLACE =
  /\s+((?:in|into|to) your (?:own )?(?:language|country|city|town)|where you (?:live|are)|over there)$/i;

/** The agent knows no dictionary: it says which words it cannot give, not something else. */
function answerAboutWords(text: string, random: SeededRandom): string[] {
  const match = wordsAsked.map((pattern) => pattern.exec(text)).find((found) => found !== null);
  const verb = /^(?:spell|pronounce|write)$/i.test(match?.[1] ?? "") ? match![1]!.toLowerCase() : "say";
  const asked = match?.[2]?.replace(/^["'“‘]|["'”’]$/g, "").trim();
  // "thank you in your language": the words, and where they are said, spoken from the agent's side.
  const place = asked === undefined ? null : OWN_PLACE.exec(asked);
  const words = place
    ? asked!
        .slice(0, place.index)
        .replace(/["'”’]$/, "")
        .trim()
    : asked;
  const language = match?.[3]
    ? ` in ${capitalize(match[3].toLowerCase())}`
    : place
      ? ` ${place[1]!
          .toLowerCase()
          .replace(/\byour\b/, "my")
          .replace(/\bwhere you\b/, "where I")}`
      : "";
  const quoted = words ? `“${words}”` : "that";
  const lead =
    match?.[1] === ""
      ? `I'm not sure what ${quoted} means${language}, honestly`
      : `I honestly don't know how to ${verb} ${quoted}${language}`;
  return [
    random.pick([lead, `Words aren't my strong suit — ${lead}`]),
    random.pick([
      "I'd only be guessing, and I'd rather not teach you something wrong",
      "A dictionary would do better than me on that one",
    ]),
  ];
}

export function answerGeneralQuestion(text: string, random: SeededRandom, homeCity = ""): string[] {
  const placeTip = answerWhatToSeeIn(text, homeCity);
  if (placeTip) return placeTip;
  if (asksAboutWords.test(text)) return answerAboutWords(text, random);
  const known = worldFactAnswer(text, random);
  if (known) return known;
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
  return `Honestly, I think ${topic} ${soundsPlural(topic) ? "are" : "is"} ${random.pick(["underrated", "fascinating", "a lot, in a good way", "worth a proper conversation"])}`;
}

/** "Comic books are", "pineapple on pizza is": the head noun, before any "on", "in", "of", decides. */
function soundsPlural(topic: string): boolean {
  const head = topic
    .split(/\s+(?:on|in|of|with|for|at|from|about)\s+/i)[0]!
    .trim()
    .split(/\s+/);
  const noun = head.at(-1)!.toLowerCase();
  return (
    head.length <= 3 &&
    !/^(?:\p{L}+ing)$/u.test(head[0]!.toLowerCase()) &&
    /[^su'’]s$/.test(noun) &&
    !/(?:ics|news|series|species|chess|is|ss)$/.test(noun)
  );
}
