import type { SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

/** "My ex is getting married": news that is not simply good, whatever its words. */
export const exNews =
  /\b(?:my|our) ex(?:-?(?:wife|husband|boyfriend|girlfriend|partner|fianc[ée]e?|bf|gf))?\b(?!-?\p{L})/iu;

const WHO =
  /\b(?:my|our) ((?:(?:little|big|older|younger|baby|best|twin|step) )?(?:mum|mom|mother|dad|father|parents|gran|grandma|grandmother|grandpa|grandfather|granny|grandad|nan|brother|sister|son|daughter|cousin|aunt|uncle|friend|colleague|boss|neighbou?r|niece|nephew|roommate|flatmate))\b/i;
const MARRIES = /\b(?:is|are|'s) getting married\b|\bgot (?:married|engaged)\b|\bis engaged\b/i;
const RETIRES =
  /\b(?:just |finally |has |have )?retired (?:today|yesterday|last|this|after)\b|\b(?:just|finally|has|have) retired\b|\bis retiring\b/i;
const BABY =
  /\b(?:just |finally )?had (?:a|her|his|their) (?:baby|little)(?: (?:boy|girl))?\b|\bhad (?:a )?(?:twins|baby (?:boy|girl))\b|\bgave birth\b/i;

/** "…Ama turns six on Sunday", "…turns 40 next week": a birthday to come; the name, if told, then the age. */
const TURNS =
  /(?:\b(\p{Lu}\p{L}+) )?\bturns (\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred) (?:on|this|next|tomorrow|in)\b/u;
const NERVOUS_BEFORE = /\b(?:nervous|scared|anxious|worried|terrified|dreading it)\b/i;
const BIG_DAY =
  /\b(?:first day|new school|kindergarten|nursery|starts? (?:school|uni|university|college|a new job)|exams?|test|audition|interview|surgery|operation|big day|recital|match|race)\b/i;

/** Someone's wedding, retirement or baby: news about another person the agent can be glad of. */
export const othersGoodNews = new RegExp(
  `(?:${MARRIES.source})|(?:${RETIRES.source})|(?:${BABY.source})`,
  "i",
);

/**
 * "My dad retired yesterday", "my sister is getting married in June", "my ex is getting married":
 * glad words for the news and a question about the one it is about; an ex's news gets room for
 * how the person feels instead of congratulations. Null when the message tells none of these.
 */
export function answerOthersNews(
  text: string,
  random: SeededRandom,
  congratulated: (line: string) => boolean = () => false,
): string[] | null {
  if (
    exNews.test(text) &&
    (MARRIES.test(text) || BABY.test(text) || /\bnew (?:girl|boy)friend\b/i.test(text))
  )
    return [
      random.pick([
        "That can stir up all sorts of things, even when you're long past it",
        "That's a strange one to hear, whatever you feel about them now",
      ]),
      "How are you feeling about it?",
    ];
  const who = WHO.exec(text)?.[1]?.toLowerCase();
  if (!who) return null;
  const pronoun = /\b(?:mum|mom|mother|gran|grandma|grandmother|granny|nan|sister|daughter|aunt|niece)$/.test(
    who,
  )
    ? "she"
    : /\b(?:dad|father|grandpa|grandfather|grandad|brother|son|uncle|nephew)$/.test(who)
      ? "he"
      : "they";
  const is = pronoun === "they" ? "are" : "is";
  // "My daughter starts at a new school tomorrow and she's nervous": a big day, met kindly.
  if (NERVOUS_BEFORE.test(text) && BIG_DAY.test(text))
    return [
      `Aw, that's a big day for your ${who}`,
      `What ${is} ${pronoun} most nervous about — or ${is} ${pronoun} secretly a little excited too?`,
    ];
  if (RETIRES.test(text)) {
    const years = /\b(\d{1,2}) years\b/.exec(text)?.[1];
    return [
      years
        ? `Congratulations to your ${who}! ${years} years — that's a whole working life`
        : `Oh, congratulations to your ${who}!`,
      random.pick([
        `What ${is} ${pronoun} going to do with all that free time?`,
        `How ${is} ${pronoun} taking it?`,
      ]),
    ];
  }
  if (MARRIES.test(text)) {
    // Told twice ("mi hermana se casa…", then in English): glad again, not the same words again.
    if (congratulated(`congratulations to your ${who}`))
      return [`I know — I'm still smiling about your ${who}'s news`, "Have they picked a place yet?"];
    const speech = /\b(?:give|giving|make|making|write|writing) (?:a|the) speech\b/i.test(text);
    return [
      `Oh, how lovely — congratulations to your ${who}, I'm so happy for you all!`,
      speech
        ? "And you're giving a speech — what an honour. Have you started writing it?"
        : random.pick(["Will you be part of the wedding?", "Do you like who they're marrying?"]),
    ];
  }
  // "My daughter Ama turns six on Sunday": a birthday coming, wished ahead.
  const turns = TURNS.exec(text);
  if (turns) {
    const name = /^\p{Lu}/u.test(turns[1] ?? "") ? turns[1]! : `your ${who}`;
    return [
      `${capitalize(turns[2]!.toLowerCase())} — what a lovely age! Happy early birthday to ${name}`,
      random.pick([`Is there a party planned?`, `How ${is} ${pronoun} celebrating?`]),
    ];
  }
  if (BABY.test(text))
    return [
      random.pick(["A new little one — congratulations!", "A baby — congratulations to them!"]),
      `How ${is} ${pronoun} doing? And the baby?`,
    ];
  return null;
}
