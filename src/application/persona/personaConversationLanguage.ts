import type { ReplyContext } from "../prompt/replyContext.ts";
import { type LanguageLines, unicodeWords } from "./personaLanguageLines.ts";
import { FRENCH } from "./personaLinesFrench.ts";
import { GERMAN } from "./personaLinesGerman.ts";
import { PORTUGUESE } from "./personaLinesPortuguese.ts";
import { SPANISH } from "./personaLinesSpanish.ts";

export const LANGUAGES = { fr: FRENCH, de: GERMAN, es: SPANISH, pt: PORTUGUESE } as const;
export type ReplyLanguage = keyof typeof LANGUAGES | "en";

/** Short English words that the other languages seldom use. */
const ENGLISH_WORDS = new Set(
  "the and you i i'm is it that my your to with what was have how are do did this me so for of an it's what's".split(
    " ",
  ),
);

export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .match(/[\p{L}']+/gu) ?? [];

/**
 * The language a message is written in: the one whose short words and everyday phrases it uses
 * most, English on a tie; null when nothing in it tells ("ok", "lol", a name).
 */
export function messageLanguage(text: string): ReplyLanguage | null {
  const words = wordsOf(text);
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  let best: ReplyLanguage | null = null;
  let bestScore = 0;
  for (const [code, lines] of Object.entries(LANGUAGES) as [keyof typeof LANGUAGES, LanguageLines][]) {
    const stops = words.filter((word) => lines.stopWords.includes(word)).length;
    const phrases = Object.entries(lines.asks).filter(
      ([topic, phrase]) => topic !== "tellsFact" && unicodeWords(phrase).test(text),
    ).length;
    const score = stops + 2 * phrases;
    if (score > bestScore) [best, bestScore] = [code, score];
    else if (score === bestScore) best = null;
  }
  if (english >= bestScore) return english > 0 ? "en" : null;
  return best;
}

/** How many of the person's latest messages decide the language of a line that tells none. */
const MESSAGES_WEIGHED = 6;

/**
 * The conversation's language: that of the person's message, or when it tells nothing ("ok",
 * "lol"), the one most of their latest messages are in, the most recent on a tie; English when
 * none tells. A "gracias!" in an English conversation does not turn the next "ok" Spanish.
 */
export function conversationLanguage(context: ReplyContext): ReplyLanguage {
  const own = messageLanguage(context.personMessage);
  if (own) return own;
  const told = context.recentMessages
    .filter((m) => m.author === "person")
    .slice(-MESSAGES_WEIGHED)
    .flatMap((m) => messageLanguage(m.text) ?? []);
  const counts = new Map<ReplyLanguage, number>();
  for (const language of told) counts.set(language, (counts.get(language) ?? 0) + 1);
  let best: ReplyLanguage = "en";
  let bestCount = 0;
  for (const language of told.reverse())
    if (counts.get(language)! > bestCount) [best, bestCount] = [language, counts.get(language)!];
  return best;
}
