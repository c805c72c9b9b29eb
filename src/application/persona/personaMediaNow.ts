import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";
import { lastAgentLine } from "./personaReasons.ts";

/** "What are you reading?", "what are you watching?", "what do you listen to?". Null for anything else. */
export function mediaAnswer(text: string, context: ReplyContext, interest: string): string[] | null {
  if (/\bread(?:ing)?\b/i.test(text))
    return [
      // "A book about novels" says nothing: a reader's own interest is the book itself.
      context.agent.interests.some((own) =>
        /\b(?:novels?|books?|fiction|poetry|literature|reading)\b/i.test(own),
      )
        ? "A novel I can't put down, one chapter a night — supposedly"
        : `A book about ${interest}, one chapter a night`,
      "It's slow going, but I love it",
    ];
  if (/\bwatch(?:ing)?\b/i.test(text))
    return [
      /\bwatching\b/i.test(text)
        ? `I'm watching a documentary about ${interest}`
        : /\b(?:did you watch|watched)\b/i.test(text)
          ? `I watched a documentary about ${interest}`
          : `A documentary about ${interest}`,
      "I keep pausing it to look things up",
    ];
  if (/\blisten(?:ing)?\b/i.test(text)) return ["Old jazz records, mostly", "They go with the evenings here"];
  return null;
}

/** "Is it good?", "is it any good?", "was it worth it?": asked of the thing the agent just named. */
const asksVerdict =
  /^\s*(?:and |so |but )?(?:is|was) (?:it|that|the (?:book|film|show|series|novel|documentary)) (?:any |really |actually )?(?:good|worth (?:it|reading|watching)|interesting|scary|funny|sad)\s*[?!.]*\s*$/i;

/** A book, film, show or meal the agent's last line said it is reading, watching or had. */
const namedThing =
  /\b(?:novel|book|documentary|film|movie|show|series|album|records?|soup|stew|salad|bread)\b/i;

/**
 * "Is it good?" after the agent said what it is reading or watching: its verdict on that thing,
 * in the first person. Null when the question is not of that, or its last line named no such thing.
 */
export function verdictOnWhatItNamed(context: ReplyContext, random: SeededRandom): string[] | null {
  if (!asksVerdict.test(context.personMessage)) return null;
  const named = namedThing.exec(lastAgentLine(context))?.[0]?.toLowerCase();
  if (!named) return null;
  const ongoing = /\b(?:novel|book|series|show)\b/.test(named);
  return [
    random.pick([
      `It really is — I'm hooked on that ${named}`,
      `Yes, so far — the ${named} is better than I expected`,
    ]),
    ongoing
      ? random.pick([
          "I keep telling myself one more chapter, then it's midnight",
          "I'll tell you how it ends",
        ])
      : random.pick(["I'd recommend it, honestly", "You'd like it, I think"]),
  ];
}
