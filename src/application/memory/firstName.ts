import nlp from "compromise";
import { notNames } from "./factLexicon.ts";

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;

/**
 * A capitalised word is taken for a name when the library knows it as one, or when it is no word
 * the library knows at all ("Oli", "Thandiwe"): "I'm Happy", "I'm Back", "I'm Irish" stay out.
 */
export function mayBeFirstName(word: string): boolean {
  if (word.length > 1 && word === word.toUpperCase()) return false;
  const capitalised = nlp(word);
  if (capitalised.has("(#Place|#Demonym)")) return false;
  if (capitalised.has("(#Person|#FirstName)")) return true;
  const lower = word.toLowerCase();
  if (lexicon[lower] !== undefined || (notNames as readonly string[]).includes(lower)) return false;
  const tags = (nlp(`I'm ${lower}`).json() as { terms: { tags: string[] }[] }[])[0]?.terms.at(-1)?.tags ?? [];
  return tags.every((tag) => tag === "Noun" || tag === "Singular");
}
