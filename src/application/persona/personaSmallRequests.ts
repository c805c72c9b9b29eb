import type { ReplyContext } from "../prompt/replyContext.ts";
import { pastimeOf } from "./personaPastimes.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * Small things asked of the agent that it can simply do: a fun fact, a short poem, a name for a
 * plant or a pet, a push to go to the gym. Done, not just agreed to; null for anything else.
 */

const FUN_FACTS = [
  "octopuses have three hearts",
  "honey never goes off — they've found edible honey in ancient Egyptian tombs",
  "bananas are berries, but strawberries aren't",
  "a group of flamingos is called a flamboyance",
  "wombat poop is cube-shaped",
];

const PLANT_NAMES = ["Basil", "Sprout", "Leafy McLeafface", "Olive", "Fernando"];
const PET_NAMES = ["Pickle", "Biscuit", "Mochi", "Captain", "Noodle"];

export function answerSmallRequest(
  text: string,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  if (/\b(?:fun|random|cool|interesting) fact\b/i.test(text))
    return [`Okay, fun fact: ${random.pick(FUN_FACTS)}`, "You're welcome"];
  if (
    /\b(?:write|make|give|tell) me (?:a |an )?(?:short |little |tiny |quick )?(?:poem|haiku|rhyme)\b/i.test(
      text,
    )
  ) {
    const pastime = pastimeOf(context.agent.interests, random, "long walks");
    return [
      `Okay, a tiny one — evening in ${context.identity.homeCity}, the day let go; ${pastime}, a friend to talk to, and nowhere else to go`,
      "Don't judge me",
    ];
  }
  const named = /\bnames? for (?:my|a|the|our) (?:new )?(\p{L}+)/iu.exec(text)?.[1]?.toLowerCase();
  if (named) {
    const names = /^(?:plant|cactus|tree|flower|succulent|fern|monstera)s?$/.test(named)
      ? PLANT_NAMES
      : PET_NAMES;
    return [
      `Ooh — what about ${random.pick(names)}?`,
      `Every ${named} deserves a name with a bit of character`,
    ];
  }
  if (/\bmotivat(?:e|ion)\b|\bpush me\b|\bkick me\b/i.test(text) && /\bme\b/i.test(text))
    return /\b(?:gym|run|running|jog|workout|work out|exercise|walk|train|training|swim|yoga)\b/i.test(text)
      ? [
          "Okay: shoes on, out the door — the hardest part is the first five minutes",
          "Future you is going to be so glad you went",
        ]
      : [
          "Okay: start small — ten minutes, timer on, phone face down",
          "Once you've started, the rest is easier. Future you is going to be so glad you did",
        ];
  return null;
}
