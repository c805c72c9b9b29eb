import type { ReplyContext } from "../prompt/replyContext.ts";
import { conversationLanguage, LANGUAGES, wordsOf } from "./personaConversationLanguage.ts";
import { ENGLISH_SKIES, type LanguageLines, unicodeWords } from "./personaLanguageLines.ts";
import { moreTopicReply } from "./personaLanguageTopics.ts";
import { meetNewsInLanguage } from "./personaOtherLanguageNews.ts";
import { ownAgeOf } from "./personaOwnAge.ts";
import { seededRandom } from "./personaRandom.ts";

type Topic = keyof LanguageLines["lines"];

/** Topics read in this order: a question about what was said first, feelings before small talk. */
const ASKED_IN_ORDER = [
  "farewell",
  "thanks",
  "joke",
  "whoAreYou",
  "compliment",
  "wedding",
  "greeting",
  "happy",
  "sad",
  "tired",
  "howAreYou",
  "time",
  "weather",
  "meal",
  "work",
  "doing",
  "advice",
  "beginner",
  "short",
] as const;

const isQuestion = (text: string) => /\?\s*$|^\s*¿/.test(text);

/**
 * The reply in the conversation's language when that is not English: the everyday topics from
 * that language's lines, what the person said given back in their own words, and otherwise a
 * short honest line in it. Null in an English conversation.
 */
export function replyInConversationLanguage(context: ReplyContext, seed: number): string | null {
  const language = conversationLanguage(context);
  if (language === "en") return null;
  const lines = LANGUAGES[language];
  const text = context.personMessage.replace(/[’‘]/g, "'");
  const random = seededRandom(seed, "language", context.agent.name, text);
  // A line the agent has just said ("D'accord !" to an "ok", then to a "lol") is not said again while another is left.
  const spoken = new Set(context.recentMessages.flatMap((m) => (m.author === "agent" ? [m.text] : [])));
  const fresh = (options: readonly string[], fill: Record<string, string>) => {
    const filled = options.map((line) => fillIn(line, fill));
    const unsaid = filled.filter((line) => !spoken.has(line));
    return random.pick(unsaid.length > 0 ? unsaid : filled);
  };
  const said = (topic: Topic, fill: Record<string, string> = {}) => fresh(lines.lines[topic], fill);
  if (unicodeWords(lines.asks.ownFact).test(text)) {
    const statement = statementAsked(context, lines, text);
    return statement ? said("recalled", { said: statement }) : said("notTold");
  }
  if (unicodeWords(lines.asks.age).test(text)) {
    const age = ownAgeOf(context);
    return age === null ? said("ageUnsaid") : said("age", { age: String(age) });
  }
  const name = unicodeWords(lines.asks.ownName).exec(text)?.[1];
  if (name) return said("ownName", { thing: name });
  const more = isQuestion(text)
    ? moreTopicReply(context, language, lines.more, text, random, (options, fill = {}) =>
        fresh(options, fill),
      )
    : null;
  if (more) return more;
  const news = meetNewsInLanguage(language, text, random);
  if (news) return news;
  const topic = ASKED_IN_ORDER.find((asked) => unicodeWords(lines.asks[asked]).test(text));
  if (topic) return said(topic, placesIn(context, lines, random.pick(lines.meals)));
  if (!isQuestion(text) && unicodeWords(lines.asks.tellsFact).test(text)) {
    const thing = [...text.matchAll(/(?<=\s)\p{Lu}[\p{L}'-]*/gu)].at(-1)?.[0];
    return thing ? said("noted", { thing }) : said("notedNoName");
  }
  return said(isQuestion(text) ? "notKnowing" : "listening");
}

const fillIn = (line: string, fill: Record<string, string>) =>
  line.replace(/\{(\w+)\}/g, (whole, key: string) => fill[key] ?? whole);

/** The agent's surroundings as the lines name them: its city, time, weather and a meal. */
function placesIn(context: ReplyContext, lines: LanguageLines, meal: string): Record<string, string> {
  const { temperatureC, condition } = context.weather;
  const sky = [...ENGLISH_SKIES].sort((a, b) => b.length - a.length).find((word) => condition.includes(word));
  const feel = lines.feels[[5, 12, 18, 25].filter((edge) => temperatureC >= edge).length]!;
  return {
    person: context.personName,
    agent: context.agent.name.split(" ")[0] ?? context.agent.name,
    city: context.identity.homeCity,
    time: lines.clock(context.localTime.hour, context.localTime.minute),
    temp: String(temperatureC),
    feel,
    sky: sky ? lines.skies[sky]! : lines.skies.overcast!,
    meal,
  };
}

/** The person's earlier statement a question asks back, by the words they share. */
function statementAsked(context: ReplyContext, lines: LanguageLines, question: string): string | null {
  const asked = new Set(
    wordsOf(question).filter((word) => word.length >= 4 && !lines.stopWords.includes(word)),
  );
  let best: string | null = null;
  let bestShared = 0;
  for (const message of context.recentMessages) {
    if (message.author !== "person" || isQuestion(message.text)) continue;
    const shared = new Set(wordsOf(message.text).filter((word) => asked.has(word))).size;
    if (shared >= bestShared && shared > 0) [best, bestShared] = [message.text, shared];
  }
  return best?.trim().replace(/[\s.!]+$/u, "") ?? null;
}
