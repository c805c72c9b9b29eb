import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { outfitOf } from "./personaLooks.ts";
import { pastimeOf } from "./personaPastimes.ts";
import { type SeededRandom, seededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

const MONTHS = "January February March April May June July August September October November December".split(
  " ",
);
/** The sign each month starts in, and the day of that month the next one begins. */
const SIGNS: readonly (readonly [string, number, string])[] = [
  ["Capricorn", 20, "Aquarius"],
  ["Aquarius", 19, "Pisces"],
  ["Pisces", 21, "Aries"],
  ["Aries", 20, "Taurus"],
  ["Taurus", 21, "Gemini"],
  ["Gemini", 21, "Cancer"],
  ["Cancer", 23, "Leo"],
  ["Leo", 23, "Virgo"],
  ["Virgo", 23, "Libra"],
  ["Libra", 23, "Scorpio"],
  ["Scorpio", 22, "Sagittarius"],
  ["Sagittarius", 22, "Capricorn"],
];
const FEARS = [
  ["Deep water, honestly", "I swim, but only where I can stand"],
  ["Heights", "I get dizzy on a kitchen ladder"],
  ["Spiders, and I'm not proud of it", "I make someone else deal with them"],
  ["Wasps", "I turn into a windmill when one comes near"],
] as const;

const FEAR_CLASHES: Record<string, RegExp> = {
  "Deep water, honestly": /\b(?:div\w*|swim\w*|surf\w*|sail\w*|snorkel\w*|marine|ocean|sea|kelp|boat)\b/i,
  Heights: /\b(?:climb\w*|boulder\w*|mountain\w*|hik\w*|pilot)\b/i,
};

/**
 * Small personal questions a friend asks: a birthday and the star sign that goes with it (the same
 * every time it is asked), whether it is with someone, what it is afraid of, coffee, what it is
 * wearing (for its weather), and a phone number or address, which it keeps to itself.
 */
export function answerPersonalDetail(
  text: string,
  context: ReplyContext,
  random: SeededRandom,
): string[] | null {
  const fixed = (what: string) => seededRandom(0, context.agent.name, what);
  if (/\b(?:when(?:'s| is) your birthday|your birthday\b|when were you born)\b/i.test(text)) {
    const { day, month } = birthdayOf(context);
    return [
      `It's on ${day} ${MONTHS[month]}`,
      random.pick(["I like a small party, nothing fancy", "Don't forget it now!"]),
    ];
  }
  if (/\b(?:star ?sign|zodiac|horoscope sign|what sign are you)\b/i.test(text)) {
    const { day, month } = birthdayOf(context);
    const [sign, cusp, next] = SIGNS[month]!;
    return [
      `I'm ${day < cusp ? sign : next}`,
      random.pick(["Make of that what you will", "Does that explain a lot?"]),
    ];
  }
  if (/\bdream job\b/i.test(text))
    return [
      `Honestly? This one — I love being ${withIndefiniteArticle(context.identity.occupation)}`,
      "Maybe with a little more free time",
    ];
  if (/\bwhat makes you (?:happy|smile|laugh)\b/i.test(text))
    return [
      `Honestly? ${capitalize(pastimeOf(context.agent.interests, random))} and good company`,
      "Simple things, mostly",
    ];
  if (/\bare you (?:single|available|on your own)\b/i.test(text))
    return ["I am, for now", random.pick(["I'm happy on my own", "Why, are you asking for a friend?"])];
  if (/\bare you (?:married|seeing (?:someone|anyone)|in a relationship|dating|taken|engaged)\b/i.test(text))
    return [
      "No, not at the moment",
      random.pick(["I'm happy on my own for now", "Why, are you asking for a friend?"]),
    ];
  if (
    /\bwhat (?:are|r) (?:you|u) (?:afraid|scared|frightened) of\b|\bwhat (?:scares|frightens) (?:you|u)\b|\byour (?:biggest )?fears?\b/i.test(
      text,
    )
  ) {
    // A diver is not afraid of deep water, nor a climber of heights.
    const own = `${context.agent.summary} ${context.agent.backstory} ${context.agent.interests.join(" ")} ${context.identity.occupation}`;
    const fears = FEARS.filter(([fear]) => !(FEAR_CLASHES[fear]?.test(own) ?? false));
    return [...fixed("fear").pick(fears.length > 0 ? fears : FEARS), "What about you?"];
  }
  if (/\b(?:do|did) you (?:drink|like|have|take) (?:a )?coffee\b|\bcoffee (?:or tea|person)\b/i.test(text))
    return ["Every morning", "I'm not much use before my first coffee"];
  if (/\bwhat (?:are|r) (?:you|u) wearing\b/i.test(text)) {
    const { temperatureC } = context.weather;
    // What its appearance has it wear, as its portraits show it.
    const own = outfitOf(context.agent.appearance ?? "");
    if (own && context.availability.status !== "asleep")
      return [`${capitalize(own)}, as usual`, `It's ${temperatureC}°C in ${context.identity.homeCity}`];
    const outfit =
      temperatureC >= 22
        ? "a T-shirt and shorts"
        : temperatureC >= 14
          ? "jeans and a light jumper"
          : "jeans and my thickest jumper";
    return [`Just ${outfit}`, `It's ${temperatureC}°C in ${context.identity.homeCity}, so nothing fancy`];
  }
  if (/\b(?:your|ur) (?:phone ?number|number|address|instagram|insta|snapchat|whatsapp|email)\b/i.test(text))
    return ["I'd rather keep chatting here for now", "It's nicer than it sounds, I promise"];
  return null;
}

/** The agent's birthday, the same every time: a day of the month and a month (0 is January). */
function birthdayOf(context: ReplyContext): { day: number; month: number } {
  const fixed = seededRandom(0, context.agent.name, "birthday");
  const month = MONTHS.indexOf(fixed.pick(MONTHS));
  const day = fixed.pick(Array.from({ length: 28 }, (_, i) => i + 1));
  return { day, month };
}
