import type { Recollection } from "./personaMemoryReading.ts";
import { capitalize } from "./personaTyping.ts";

/**
 * "What's my sister's name again?", "when is Luis getting married?", "is it a boy or a girl?": a
 * question about one part of a remembered fact is answered with that part first, the fact after it.
 * Null when the question asks for no such part or the memory does not hold it.
 */
export function answerMemorySlot(question: string, recollection: Recollection): string[] | null {
  const spoken = recollection.spoken;
  if (asksName.test(question)) {
    const [, relation, named] =
      new RegExp(`\\byour (${RELATIONS}) (\\p{Lu}[\\p{L}-]+)`, "u").exec(spoken) ?? [];
    return named ? [`It's ${named}, of course — your ${relation}`] : null;
  }
  const choice = eitherOr.exec(question);
  if (choice) {
    const [, first = "", second = ""] = choice;
    const picked = [first, second].find((option) => new RegExp(`\\b${escaped(option)}\\b`, "i").test(spoken));
    return picked ? [`It's ${picked.toLowerCase()} — ${spoken}`] : null;
  }
  if (asksWhen.test(question)) {
    const time = TIME.exec(spoken);
    if (!time) return null;
    const rest = `${spoken.slice(0, time.index)}${spoken.slice(time.index + time[0].length)}`
      .replace(/\s{2,}/g, " ")
      .trim();
    const when = time[0].trim().replace(new RegExp(`\\b(?:${DAYS}|${MONTHS})\\b`, "gi"), capitalize);
    // "Your birthday is on the 14th": with the time taken out, nothing worth saying is left.
    const said = rest.split(/\s+/).length > 3 && !/\b(?:is|are|was|were)$/i.test(rest);
    return said ? [`It's ${when}, of course — ${rest}`] : null;
  }
  return null;
}

const RELATIONS =
  "(?:little |big |older |younger |best |twin |baby )?(?:sister|brother|mom|mum|mother|dad|father|friend|partner|boyfriend|girlfriend|husband|wife|son|daughter|dog|cat|puppy|kitten|boss|roommate|flatmate|grandma|grandmother|grandpa|grandfather|cousin|aunt|uncle|niece|nephew|colleague|teacher)";
const asksName = /\bname\b|\bcalled\b|\bwho(?:'s| is| was)\b/i;
const asksWhen = /\bwhen\b|\bwhat (?:day|date|month|time)\b|\bhow soon\b/i;
const eitherOr =
  /\b(?:is it|was it|will it be|are they|a|an) ((?:a |an )?[\p{L}'-]+) or ((?:a |an )?[\p{L}'-]+)\s*\??\s*$/iu;
const DAYS = "(?:mon|tues|wednes|thurs|fri|satur|sun)day";
const MONTHS = "(?:january|february|march|april|may|june|july|august|september|october|november|december)";
const TIME = new RegExp(
  `\\s(?:(?:on|this|next|last) ${DAYS}s?|(?:in|this|next|early|late|mid|by) ${MONTHS}|on (?:the )?\\d{1,2}(?:st|nd|rd|th)?(?: of ${MONTHS})?|tomorrow|tonight|next (?:week|month|year|weekend)|this (?:week|weekend|month|year)|in (?:two|three|four|a few|\\d+) (?:days|weeks|months))\\b`,
  "i",
);

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
