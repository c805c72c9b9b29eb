import nlp from "compromise";

const PROPER = "(#ProperNoun|#Demonym|#Organization|#Place|#Person)";

/**
 * An occupation as it reads mid-sentence: "Lighthouse keeper" → "lighthouse keeper". Only a
 * capitalised common first word is lowered; acronyms ("NASA engineer"), names the language
 * library knows ("Uber driver", "French teacher"), languages ("Irish dancer") and occupations
 * with other capitals ("Royal Navy officer") keep theirs.
 */
export function occupationInSentence(occupation: string): string {
  const [first = "", ...rest] = occupation.split(" ");
  if (!/^\p{Lu}\p{Ll}+$/u.test(first) || rest.some((word) => /\p{Lu}/u.test(word))) return occupation;
  if (/ish$/.test(first) || nlp(occupation).terms().first().has(PROPER)) return occupation;
  return first.charAt(0).toLowerCase() + occupation.slice(1);
}
