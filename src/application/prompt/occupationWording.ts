import nlp from "compromise";
import { LRUCache } from "lru-cache";

const PROPER = "(#ProperNoun|#Demonym|#Organization|#Place|#Person)";

/**
 * An occupation as it reads mid-sentence: "Lighthouse keeper" → "lighthouse keeper". Only a
 * capitalised common first word is lowered; acronyms ("NASA engineer"), names the language
 * library knows ("Uber driver", "French teacher"), languages ("Irish dancer") and occupations
 * with other capitals ("Royal Navy officer") keep theirs.
 */
export function occupationInSentence(occupation: string): string {
  // Asked on every turn for the same few agents: the language library's parse is worth keeping.
  const known = wordings.get(occupation);
  if (known !== undefined) return known;
  const worded = inSentence(occupation);
  wordings.set(occupation, worded);
  return worded;
}

const wordings = new LRUCache<string, string>({ max: 1_000 });

function inSentence(occupation: string): string {
  const [first = "", ...rest] = occupation.split(" ");
  if (!/^\p{Lu}\p{Ll}+$/u.test(first) || rest.some((word) => /\p{Lu}/u.test(word))) return occupation;
  if (/ish$/.test(first) || nlp(occupation).terms().first().has(PROPER)) return occupation;
  return first.charAt(0).toLowerCase() + occupation.slice(1);
}
