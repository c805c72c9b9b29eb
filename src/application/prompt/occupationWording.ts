import nlp from "compromise";
import { LRUCache } from "lru-cache";
import { COMMON_TRADE_WORDS } from "./commonTradeWords.ts";

const PROPER = "(#ProperNoun|#Demonym|#Organization|#Place|#Person)";

/**
 * An occupation as it reads mid-sentence: "Lighthouse keeper" → "lighthouse keeper". Only a
 * capitalised common first word is lowered; acronyms ("NASA engineer"), names the language
 * library knows ("Uber driver", "French teacher") or no vocabulary knows ("Tesla mechanic"),
 * languages ("Irish dancer") and occupations with other capitals ("Royal Navy officer") keep theirs.
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
  // A one-word occupation is the trade itself; a first word no vocabulary knows is likely a brand.
  if (rest.length > 0 && !isCommonWord(first.toLowerCase())) return occupation;
  return first.charAt(0).toLowerCase() + occupation.slice(1);
}

const lexicon = (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;

function isCommonWord(word: string): boolean {
  if (known(word)) return true;
  // A compound of two known words: "lighthouse", "bookbinder", "woodwork".
  for (let cut = 3; cut <= word.length - 3; cut++)
    if (known(word.slice(0, cut)) && known(word.slice(cut))) return true;
  return false;
}

function known(word: string): boolean {
  if (lexicon[word] !== undefined || COMMON_TRADE_WORDS.has(word)) return true;
  // A noun or adjective by a suffix rule ("bakery", "dental"), not by the last-resort guess; a
  // made-up verb ("Spotify") is a brand.
  const term = nlp(word).docs[0]?.[0] as { confidence?: number; tags: Set<string> } | undefined;
  if (!term || (term.confidence ?? 1) < 0.5 || term.tags.has("ProperNoun")) return false;
  return term.tags.has("Noun") || term.tags.has("Adjective");
}
