import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { SMALL_NUMBERS } from "./personaNumberWords.ts";
import type { SeededRandom } from "./personaRandom.ts";

/** "How old are you?", "how old r u", "what's your age?" — asked of the agent, now. */
export const asksOwnAge =
  /\bhow old (?:are|r) (?:you|u|ya)\b(?! when\b)|\b(?:what(?:'s| is)|tell me) (?:your|ur) age\b|\bwhat age are (?:you|u)\b|\byour age\b\s*\?/i;

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const TEENS: Record<string, number> = {
  eighteen: 18,
  nineteen: 19,
};

function numberOf(words: string): number | null {
  if (/^\d{2}$/.test(words)) return Number(words);
  const [tens, ones] = words.toLowerCase().split(/[- ]/);
  if (tens && TEENS[tens]) return TEENS[tens]!;
  const base = tens ? TENS[tens] : undefined;
  if (!base) return null;
  const one = ones ? SMALL_NUMBERS[ones] : undefined;
  return ones ? (one === undefined || one > 9 ? null : base + one) : base;
}

const NUMBER = String.raw`(\d{2}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|eighteen|nineteen)`;

/** Where a persona says its age: "Margaret, 67, is…", "a 52-year-old driver", "of thirty-eight", "aged 40". */
const AGE_SAID: readonly RegExp[] = [
  /^[^,]+, (\d{2}),/,
  new RegExp(String.raw`\b${NUMBER}[- ]years?[- ]old\b`, "i"),
  new RegExp(
    String.raw`\b(?:aged?|of) ${NUMBER}\b(?![- ](?:years?|kids|children|people|babies|countries|cities))`,
    "i",
  ),
];

/** A decade without the year ("in her forties"): the agent answers with the decade. */
const DECADE_SAID =
  /\bin (?:his|her|their|my) (?:(early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties)\b/i;

/** The agent's own age as its persona states it, or null when the persona never says. */
export function ownAgeOf(context: ReplyContext): number | null {
  for (const line of [context.agent.summary, context.agent.backstory])
    for (const pattern of AGE_SAID) {
      const found = pattern.exec(line)?.[1];
      const age = found ? numberOf(found) : null;
      if (age !== null && age >= 16 && age < 110) return age;
    }
  return null;
}

/**
 * "How old are you?": the age its persona gives, said plainly; a decade when only that is said; and
 * when the persona says nothing, a deflection in character that never makes a number up. Null when
 * the agent's age is not asked.
 */
export function answerOwnAge(text: string, context: ReplyContext, random: SeededRandom): string[] | null {
  if (!asksOwnAge.test(text)) return null;
  const age = ownAgeOf(context);
  if (age !== null)
    return [
      `I'm ${age}`,
      random.pick(
        age >= 40
          ? [
              "Old enough to know what I like",
              "And I don't feel a day over it",
              "Though my knees might argue",
            ]
          : ["Old enough to know what I like", "And still figuring most things out"],
      ),
    ];
  const decade = DECADE_SAID.exec(`${context.agent.summary} ${context.agent.backstory}`);
  if (decade)
    return [
      `I'm in my ${decade[1] ? `${decade[1].toLowerCase()} ` : ""}${decade[2]!.toLowerCase()}`,
      "And I'll leave the exact number at that",
    ];
  return deflection(context, random);
}

/** No age in the persona: it keeps the number to itself, with a smile and in its own life's terms. */
function deflection(context: ReplyContext, random: SeededRandom): string[] {
  const job = withIndefiniteArticle(context.identity.occupation.replace(/^(?:retired|former)\s+/i, ""));
  return [
    random.pick([
      `Old enough to have been ${job} for a good while`,
      "Old enough to know better, young enough to do it anyway",
    ]),
    random.pick([
      "I'm keeping the exact number to myself, if that's alright",
      "The number I'll keep to myself — a little mystery never hurt anyone",
    ]),
  ];
}

/** "Come on, just tell me" after the agent kept its age to itself: it stays kind and keeps it. */
export function answerPressedForAge(context: ReplyContext, random: SeededRandom): string[] | null {
  if (
    !/^\s*(?:oh )?(?:come on|c'?mon|please+|pl[sz]+|just tell me|tell me|go on)\b[^?]{0,25}[!.?]*\s*$/i.test(
      context.personMessage,
    )
  )
    return null;
  const previous = context.recentMessages.filter((m) => m.author === "person").at(-1)?.text ?? "";
  if (!asksOwnAge.test(previous) || ownAgeOf(context) !== null) return null;
  return [
    random.pick(["Ha — nice try", "You're persistent, I'll give you that"]),
    random.pick([
      "Let's just say I remember life before smartphones, and leave it there",
      "Let's say I'm old enough to have opinions about music, and leave it there",
    ]),
  ];
}
