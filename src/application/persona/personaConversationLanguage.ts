import { anyPattern } from "../anyPattern.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { type LanguageLines, unicodeWords } from "./personaLanguageLines.ts";
import { FRENCH } from "./personaLinesFrench.ts";
import { GERMAN } from "./personaLinesGerman.ts";
import { ITALIAN } from "./personaLinesItalian.ts";
import { PORTUGUESE } from "./personaLinesPortuguese.ts";
import { SPANISH } from "./personaLinesSpanish.ts";
import { perMessage } from "./personaMessageReadings.ts";

export const LANGUAGES = { fr: FRENCH, de: GERMAN, es: SPANISH, pt: PORTUGUESE, it: ITALIAN } as const;
export type ReplyLanguage = keyof typeof LANGUAGES | "en";

/** Short English words that the other languages seldom use. */
const ENGLISH_WORDS = new Set(
  "the and you i i'm is it that that's my your to with what was have how are do did this me so for of an it's what's".split(
    " ",
  ),
);

export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .match(/[\p{L}']+/gu) ?? [];

/**
 * Everyday words of a language that another one lists among its short words: "sei lá" is
 * Portuguese, though "sei" is Italian too. Such a word tells neither language.
 */
const ALSO_SAID_IN: Partial<Record<keyof typeof LANGUAGES, readonly string[]>> = {
  pt: ["sei"],
  es: ["di"],
};

/** Per language, its short words that are everyday words of another language too. */
const SHARED_WORDS = Object.fromEntries(
  Object.keys(LANGUAGES).map((code) => [
    code,
    new Set(Object.entries(ALSO_SAID_IN).flatMap(([other, words]) => (other === code ? [] : words))),
  ]),
) as Record<keyof typeof LANGUAGES, Set<string>>;

/** Small words a language says that are not among its short words, yet are another's: "me", "de", "nada". */
const ALSO_SAYS: Partial<Record<keyof typeof LANGUAGES, readonly string[]>> = {
  pt: ["me", "no", "de", "nada", "se", "te", "a", "o", "sei", "mi"],
  es: ["me", "no", "de", "nada", "se", "te", "a", "o", "di", "um"],
  it: ["me", "no", "de", "se", "te", "a", "o", "mi", "tu", "es"],
  fr: ["me", "de", "se", "te", "a", "o", "es", "mi"],
  de: ["an", "da", "man", "hat", "tu"],
};

/** Every short word a language says, English too: what cannot tell another language from it. */
const SAID_IN = new Map<ReplyLanguage, ReadonlySet<string>>([
  ["en", ENGLISH_WORDS],
  ...(Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]).map(
    (code) => [code, new Set([...LANGUAGES[code].stopWords, ...(ALSO_SAYS[code] ?? [])])] as const,
  ),
]);

/**
 * English's short words less a few another language says as often ("me"): a "me conta mais" tells
 * no English. A word that is among another language's own short words ("was") still counts, as it
 * always has: both languages weigh it.
 */
const ENGLISH_ONLY: ReadonlySet<string> = new Set(
  [...ENGLISH_WORDS].filter((word) => !Object.values(ALSO_SAYS).some((words) => words.includes(word))),
);

/** A language's phrases that tell it: its everyday topics and the ones past them, not "my…" statements nor a bare "ok". */
const PHRASES = Object.fromEntries(
  Object.entries(LANGUAGES).map(([code, lines]) => [
    code,
    [
      ...Object.entries(lines.asks).flatMap(([topic, phrase]) =>
        topic === "tellsFact" || topic === "short" ? [] : [phrase],
      ),
      ...Object.values(lines.more.asks),
      ...Object.values(lines.more.when),
    ].map(unicodeWords),
  ]),
) as Record<keyof typeof LANGUAGES, RegExp[]>;

/** Whether a message holds any of a language's phrases, for most hold none. */
const ANY_ASKED = Object.fromEntries(
  Object.entries(PHRASES).map(([code, phrases]) => [code, anyPattern(phrases)]),
) as Record<keyof typeof LANGUAGES, (text: string) => boolean>;

/**
 * The language a message is written in: the one whose short words and everyday phrases it uses
 * most, English on a tie; null when nothing in it tells ("ok", "lol", a name).
 */
export function messageLanguage(text: string): ReplyLanguage | null {
  const words = wordsOf(text);
  const english = words.filter((word) => ENGLISH_ONLY.has(word)).length;
  let best: ReplyLanguage | null = null;
  let bestScore = 0;
  for (const code of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
    const score = weightIn(code, text, words);
    if (score > bestScore) [best, bestScore] = [code, score];
    else if (score === bestScore) best = null;
  }
  if (english >= bestScore) return english > 0 ? "en" : null;
  return best;
}

/** How much of a message is in a language: its short words, and its phrases counted twice. */
function weightIn(code: keyof typeof LANGUAGES, text: string, words: readonly string[]): number {
  const lines: LanguageLines = LANGUAGES[code];
  const shared = SHARED_WORDS[code];
  const stops = words.filter((word) => lines.stopWords.includes(word) && !shared.has(word)).length;
  const phrases = ANY_ASKED[code](text) ? PHRASES[code].filter((phrase) => phrase.test(text)).length : 0;
  return stops + 2 * phrases;
}

/** How much of a message is in a language in words another one does not say too. */
function weightBeyond(
  code: ReplyLanguage,
  other: ReplyLanguage,
  text: string,
  words: readonly string[],
): number {
  const own = words.filter((word) => !SAID_IN.get(other)!.has(word));
  if (code === "en") return own.filter((word) => ENGLISH_WORDS.has(word)).length;
  return weightIn(code, text, own);
}

const languageOfMessage = perMessage((m) => messageLanguage(m.text));

/** How many of the person's latest messages decide the language of a line that tells none. */
const MESSAGES_WEIGHED = 6;

/** A message this short ("gracias!", "merci beaucoup") keeps the language the chat is held in. */
const SHORT_WORDS = 2;

/** A message switches the chat to another language when more than a third of it is in that language. */
const FOREIGN_SHARE = 3;

/**
 * The conversation's language: that of the person's message, or when it tells nothing ("ok",
 * "lol") or is a word or two in another language than their latest messages ("gracias!" in an
 * English chat), the one most of those are in; English when none tells.
 */
export function conversationLanguage(context: ReplyContext): ReplyLanguage {
  const own = messageLanguage(context.personMessage);
  const held = languageHeld(context);
  if (!own) return held ?? "en";
  if (!held || held === own) return own;
  const words = wordsOf(context.personMessage);
  // "me conta mais" in a Portuguese chat, "De nada!": words the chat's language says too do not switch it.
  if (weightBeyond(own, held, context.personMessage, words) === 0) return held;
  if (words.length <= SHORT_WORDS) return held;
  // "Tu es drôle" in a French chat: words that Spanish has too do not switch it.
  if (
    held !== "en" &&
    own !== "en" &&
    weightIn(held, context.personMessage, words) + 1 >= weightIn(own, context.personMessage, words)
  )
    return held;
  // "that's very c'est la vie": a phrase of another language inside a line of the chat's own.
  const foreign = own === "en" ? 0 : weightIn(own, context.personMessage, words);
  return own !== "en" && FOREIGN_SHARE * foreign <= words.length ? held : own;
}

/** The language most of the person's latest messages are in, the most recent on a tie; null when none tells. */
function languageHeld(context: ReplyContext): ReplyLanguage | null {
  const earlier = context.recentMessages.filter((m) => m.author === "person");
  if (earlier.at(-1)?.text === context.personMessage) earlier.pop();
  const told = earlier.slice(-MESSAGES_WEIGHED).flatMap((m) => languageOfMessage(m) ?? []);
  const counts = new Map<ReplyLanguage, number>();
  for (const language of told) counts.set(language, (counts.get(language) ?? 0) + 1);
  let best: ReplyLanguage | null = null;
  let bestCount = 0;
  for (const language of told.reverse())
    if (counts.get(language)! > bestCount) [best, bestCount] = [language, counts.get(language)!];
  return best;
}
