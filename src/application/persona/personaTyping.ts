import type { ReplyContext } from "../prompt/replyContext.ts";
import { perMessage } from "./personaMessageReadings.ts";
import { inEnglish } from "./personaOtherLanguages.ts";

/** A chat's shorthand and common misspellings as the words they stand for ("r u", "hw was ur day", "recomend"). */
const SHORTHAND: Record<string, string> = {
  u: "you",
  ya: "you",
  r: "are",
  wat: "what",
  wut: "what",
  hw: "how",
  doin: "doing",
  goin: "going",
  nothin: "nothing",
  im: "I'm",
  ive: "I've",
  dont: "don't",
  cant: "can't",
  didnt: "didn't",
  pls: "please",
  plz: "please",
  cuz: "because",
  coz: "because",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  fav: "favourite",
  fave: "favourite",
  rn: "right now",
  wyd: "what are you doing",
  idk: "I don't know",
  abt: "about",
  bc: "because",
  hbu: "how about you?",
  wbu: "what about you?",
  // Common misspellings, read as the word meant.
  recomend: "recommend",
  reccomend: "recommend",
  reccommend: "recommend",
  recommed: "recommend",
  wich: "which",
  waht: "what",
  becuase: "because",
  becasue: "because",
  tommorow: "tomorrow",
  tomorow: "tomorrow",
  favorit: "favourite",
  favourit: "favourite",
  freind: "friend",
  wierd: "weird",
  teh: "the",
};

/** "ur so sweet" says "you're"; "ur day" says "your". */
const youAreNext =
  /^\s+(?:so|such|too|really|very|not|a|an|the|being|gonna|going|always|never|just|right|welcome|sweet|funny|cute|kind|amazing|awesome|lovely|great|smart|adorable|beautiful|the best|my)\b/i;

/**
 * The person's words as the engine's rules read them: a phone's curly apostrophes and quotes made
 * straight ("what’s" → "what's"), a chat's dropped apostrophe put back ("whats" → "what's"), its
 * shorthand spelled out and a lowercase "i" made "I"; an everyday German, Spanish or French line in
 * the English it says.
 */
export function plainTyping(text: string): string {
  return (
    // Straight apostrophes first: "Qu’est-ce que tu as mangé ?" is read as typed on a computer.
    inEnglish(text.replace(/[’‘ʼ]/g, "'"))
      .replace(/[“”]/g, '"')
      .replace(
        /\b(wh?at|how|where|who|there|that)s\b/gi,
        (_, word: string) => `${word.replace(/^wat$/i, "what")}'s`,
      )
      // "hey kenji, whats up", "sup": asks what the agent is up to, not how it is.
      .replace(
        /(^|[\s,.!]+)(?:what's up|wassup|wazzup|whaddup|sup)\s*[?!.]*\s*$/i,
        (_, before: string) => `${before}${before.trim() === "" ? "hey, " : ""}what are you up to?`,
      )
      .replace(/\b[A-Za-z]+\b(?!')/g, (word, at: number, whole: string) => {
        const lower = word.toLowerCase();
        const after = whole.slice(at + word.length);
        // An acronym ("U.K.", "IM") is left alone; a sentence may start with a capital ("R u ok?").
        if ((word !== lower && word !== capitalize(lower)) || /^\.\w/.test(after)) return word;
        const spelled =
          lower === "ur" ? (youAreNext.test(after) ? "you're" : "your") : (SHORTHAND[lower] ?? lower);
        return word === lower ? spelled : capitalize(spelled);
      })
      .replace(/(?<![\p{L}'])i(?=$|[\s,.!?;:]|'(?:m|ve|ll|d)\b)/gu, "I")
  );
}

const plainMessage = perMessage((m) => ({ ...m, text: plainTyping(m.text) }));

export function withPlainTyping(context: ReplyContext): ReplyContext {
  const personMessage = plainTyping(context.personMessage);
  const recentMessages = context.recentMessages.map((m) => (m.author === "person" ? plainMessage(m) : m));
  return { ...context, personMessage, recentMessages };
}

/** The text with its first character in capitals ("dune" → "Dune"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
