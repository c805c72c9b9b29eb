import type { SeededRandom } from "./personaRandom.ts";
import { towardPerson } from "./personaReading.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * What the person did or is learning ("I watched Dune last night", "I'm learning the guitar"),
 * taken up by name with a question about it. Null when the message tells no such thing.
 */

const WHEN =
  /\s+(?:last night|yesterday|today|tonight|earlier|this (?:morning|afternoon|evening|weekend|week)|last (?:week|weekend))$/i;
const DID =
  /^\s*(?:so |well,? )?(?:i|we) (?:just |finally |also |actually )?(watched|saw|read|finished(?: reading| watching)?|went to|played|tried|visited|cooked|baked|made)\s+(.{2,60}?)\s*[.!]*\s*$/i;
/** "I went hiking yesterday", "we went swimming in the lake". */
const WENT_DOING =
  /^\s*(?:so |well,? )?(?:i|we) (?:just |finally |also |actually )?went ([a-z]{3,}ing)\b[^?]{0,40}$/i;
const LEARNING =
  /^\s*(?:i'm|i am|im) (?:now |currently |finally )?(?:learning|taking up|starting)(?: (?:to|how to) (?:play|speak|make|cook|do))?\s+(.{2,40}?)\s*[.!]*\s*$/i;

export function takeUpDoing(text: string, random: SeededRandom): string[] | null {
  const learning = LEARNING.exec(text)?.[1];
  if (learning) {
    const thing = towardPerson(learning.replace(WHEN, ""));
    return [
      random.pick([`Ooh, ${thing}`, `${capitalize(thing)}, how fun`]),
      random.pick(["How's it going so far?", "What made you pick it up?"]),
    ];
  }
  const went = WENT_DOING.exec(text)?.[1]?.toLowerCase();
  if (went && went !== "nothing")
    return [
      random.pick([`Ooh, ${went}`, `${capitalize(went)}! Nice`]),
      random.pick(["Where did you go?", "How was it?"]),
    ];
  const did = DID.exec(text);
  if (!did) return null;
  const verb = did[1]!.toLowerCase();
  const thing = towardPerson(did[2]!.replace(WHEN, ""));
  if (/^(?:it|that|this|them|him|her|some|something|nothing)$/i.test(thing)) return null;
  // "I saw my friend" is not a film to rate.
  const aPlace = verb.startsWith("went") || verb === "visited" || /^(?:saw|played)$/.test(verb);
  const question = aPlace || /^your\b/i.test(thing) ? "How was it?" : "Was it any good?";
  return [
    random.pick([`Ooh, ${thing}`, `${capitalize(thing)}! Nice`]),
    random.pick([question, "Tell me about it?"]),
  ];
}
