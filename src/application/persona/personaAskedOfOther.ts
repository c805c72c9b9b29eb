import { readMessage } from "./personaReading.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * "What about music?", "how about tomorrow?", "and dessert?", "and in Swedish?": the last question,
 * asked of something else. Not "and then?", "and you?" or "and why?", which ask other things.
 */
export const askedOfOther =
  /^\s*(?:(?:and|so|ok|okay)[,!]?\s+)?(?:what|how) about ([^?.!]{2,40}?)\s*\?\s*$|^\s*(?:and|or)\s+(?!(?:then|you|yourself|why|how|what|when|where|who|so|now|after that|after|next)\b)([\p{L}][\p{L} ]{1,30}?)\s*\?\s*$/iu;

export const TIMES =
  /\b(?:tonight|today|tomorrow|yesterday|this (?:morning|afternoon|evening|weekend|week)|next (?:week|weekend|month|year)|last (?:night|week|weekend)|at the weekend|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;

/**
 * A time named bare in an elliptic follow-up, as a question would say it: "friday" → "on friday",
 * "the weekend" → "at the weekend", "next week" as it is. Null when it names no time.
 */
export function asTime(other: string): string | null {
  const said = other.trim().toLowerCase();
  if (TIMES.test(said)) return said;
  const day =
    /^(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day)s?(\s+(?:morning|afternoon|evening|night))?$/.exec(
      said,
    );
  if (day) return `on ${capitalize(day[1]!)}${day[2] ?? ""}`;
  if (/^(?:on\s+|at\s+|over\s+)?(?:the\s+)?weekend$/.test(said)) return "at the weekend";
  return null;
}

/** "In Swedish", "in German": another language (or place), asked of the same thing. */
const inOther = /^(?:in|from|for) (\p{L}[\p{L} ]{1,25})$/iu;

/**
 * The last question, asked of something else: "what's your favourite food?" + "music" →
 * "…favourite music?"; "what's your favourite word?" + "in Swedish" → "…favourite word in Swedish?".
 */
export function askedOf(question: string, other: string): string | null {
  const time = TIMES.exec(question)?.[0];
  const when = time ? asTime(other) : null;
  if (time && when) return question.replace(time, when);
  // "How was your shift?" + "and tomorrow?": the same talk of the agent's days, at that time.
  const at = time ? null : asTime(other);
  if (at) {
    if (/^(?:yesterday|last )/.test(at)) return `what did you do ${at}?`;
    return /\b(?:work|shift|job|office)\b/i.test(question)
      ? `are you working ${at}?`
      : `what are you doing ${at}?`;
  }
  // "…favourite word in English?" + "in Swedish": the language asked replaces the one before.
  if (inOther.test(other))
    return `${question.replace(/\s*\?\s*$/, "").replace(/\s+(?:in|from|for) \p{L}+$/u, "")} ${other}?`;
  const topic = readMessage(question).topic?.replace(/^(?:a|an|the) /i, "");
  if (topic && question.includes(topic)) return question.replace(topic, other);
  return null;
}
