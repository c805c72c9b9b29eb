import nlp from "compromise";
import { escapeRegExp } from "./factClauses.ts";
import { kinNamePattern } from "./factLexicon.ts";

/**
 * A first-person clause told about the person in the third person: "I always forget my keys" →
 * "Sam always forgets their keys". Where the rewrite would guess ("we" without saying who), the
 * person's own words are kept, in quotes.
 */
export interface Rewritten {
  text: string;
  wording: "rewritten" | "quoted";
}

const ADVERB =
  "always|usually|never|often|sometimes|really|just|also|still|actually|absolutely|totally|honestly|rarely|seldom|definitely|literally|mostly|normally|generally|typically|even|only|recently|finally|originally|secretly|truly|genuinely|probably|already|kinda|kind of|sort of|absolutely|occasionally|now|currently|both";
const UNCHANGED = new Set(
  "can can't cannot could couldn't will won't would wouldn't should shouldn't must might may shall used was wasn't had hadn't did didn't".split(
    " ",
  ),
);
const IRREGULAR: Record<string, string> = {
  am: "is",
  have: "has",
  do: "does",
  "don't": "doesn't",
  "haven't": "hasn't",
  go: "goes",
  be: "is",
};

export function thirdPerson(clause: string, personName: string, sentence = clause): Rewritten {
  const callMe = /^call me ([A-Z][\w-]*)$/i.exec(clause);
  if (callMe) return { text: `${personName} likes to be called ${callMe[1]}`, wording: "rewritten" };
  let text = expandContractions(clause).replace(
    new RegExp(`^(${kinNamePattern})\\b`, "i"),
    (kin: string) => `my ${kin.toLowerCase()}`,
  );
  const compound = COMPOUND.exec(text) ?? COMPOUND.exec(sentence);
  if (compound) {
    const pair = `${personName} and ${possessive(personName)} ${compound[1] ?? compound[2]!}`;
    text = text
      .replace(compound[0], pair)
      .replace(/\bwe\b/gi, pair)
      .replace(/\bus\b/gi, "them")
      .replace(/\bour\b/gi, "their")
      .replace(/\bours\b/gi, "theirs");
  }
  // "We" without saying who: the person's words are kept rather than guessed at.
  if (/\b(?:we|us)\b/i.test(text)) return quoted(clause, personName);
  // "I broke my ankle" → "their ankle"; "My cat sleeps on my keyboard" → "Sam's keyboard".
  const personIsSubject = /^I$/.test(/\b(?:I|my|our|me|mine)\b/i.exec(text)?.[0] ?? "");
  let mentioned = false;
  text = text.replace(
    new RegExp(`\\b(?:I((?:\\s+(?:${ADVERB}))*)\\s+([\\w']+)|(my|our|mine|ours|me|myself)\\b)`, "gi"),
    (_whole, adverbs: string | undefined, verb: string | undefined, pronoun: string | undefined) => {
      const first = !mentioned;
      mentioned = true;
      if (!pronoun) return `${personName}${adverbs ?? ""} ${conjugate(verb!)}`;
      switch (pronoun.toLowerCase()) {
        case "me":
          return personName;
        case "myself":
          return "themselves";
        case "mine":
        case "ours":
          return possessive(personName);
        default:
          return personIsSubject && !first ? "their" : possessive(personName);
      }
    },
  );
  text = text.replace(/\bI\b/g, personName);
  return { text: capitalise(text), wording: "rewritten" };
}

const COMPOUND =
  /\b(?:my|our) ((?:(?!(?:is|are|was|were|am|be|has|have|had|do|does|did|and|but|or|who|that)\b)[\w'-]+ ){0,2}(?!(?:is|are|was|were|am|be|has|have|had|do|does|did|and|but|or|who|that)\b)[\w'-]+) and I\b|\bI and my ((?:(?!(?:is|are|was|were|am|be|has|have|had|do|does|did|and|but|or|who|that)\b)[\w'-]+ ){0,2}(?!(?:is|are|was|were|am|be|has|have|had|do|does|did|and|but|or|who|that)\b)[\w'-]+)\b/i;

function expandContractions(text: string): string {
  return text
    .replace(/\bI'm\b/g, "I am")
    .replace(/\bI've\b/g, "I have")
    .replace(/\bI'll\b/g, "I will")
    .replace(/\bI'd(?=\s+(?:been|had|already|never|just|gone|done|seen|met)\b)/g, "I had")
    .replace(/\bI'd\b/g, "I would")
    .replace(/\bwe're\b/gi, "we are")
    .replace(/\bwe've\b/gi, "we have")
    .replace(/\bwe'll\b/gi, "we will");
}

/** The third-person present of a verb that follows "I"; past tenses and modals stay as they are. */
export function conjugate(verb: string): string {
  const lower = verb.toLowerCase();
  if (UNCHANGED.has(lower) || /ed$/.test(lower)) return verb;
  if (lower in IRREGULAR) return IRREGULAR[lower]!;
  const tags =
    (nlp(`I ${lower}`).terms().json() as { terms: { tags: string[] }[] }[])[1]?.terms[0]?.tags ?? [];
  if (
    !tags.includes("Verb") ||
    tags.includes("PastTense") ||
    tags.includes("Modal") ||
    tags.includes("Gerund")
  )
    return verb;
  if (/(?:s|sh|ch|x|z|o)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

function quoted(clause: string, personName: string): Rewritten {
  return { text: `${personName} said: "${capitalise(clause)}"`, wording: "quoted" };
}

export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (first) => first.toUpperCase());
}

/** Words that say nothing on their own: what is left of a tautology once they and the name are gone. */
const EMPTY_WORDS = new Set(
  "is am are was were be been being the a an just called named name names who what me myself i my their them they themselves and also really so here now actually only still".split(
    " ",
  ),
);

/** "Nora is Nora", "Sam's name is Sam": nothing is said beyond the person's name. */
export function isTautology(text: string, personName: string): boolean {
  const nameWords = new Set(personName.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const rest = text
    .toLowerCase()
    .replace(new RegExp(`${escapeRegExp(personName.toLowerCase())}'?s?`, "g"), " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(
      (word) =>
        word.length > 0 && !nameWords.has(word) && !EMPTY_WORDS.has(word) && word !== "s" && word !== "said",
    );
  return rest.length === 0;
}
