import { gazetteer, type Place } from "../places/gazetteer.ts";
import { occupationWithBusiness } from "./agentGeneratorBusiness.ts";
import { occupationIn } from "./agentGeneratorOccupation.ts";
import { type Origin, originIn } from "./agentGeneratorOrigin.ts";
import { placeIn, unknownPlaceIn } from "./agentGeneratorPlace.ts";
import { INTEREST_WORDS, OCCUPATION_INTERESTS, TRAIT_WORDS } from "./agentGeneratorWords.ts";

/**
 * What an operator's description of an agent says for certain: a name, an age, a gender, a home
 * city, an occupation, traits and interests. The generators build from these facts and a drafted
 * agent is checked against them, so the result never contradicts the description.
 */
export interface PromptFacts {
  name: string | null;
  age: number | null;
  gender: "female" | "male" | null;
  place: Place | null;
  /** A place the description names that the gazetteer does not know. */
  unknownPlace: string | null;
  occupation: string | null;
  /** The nationality the description gives ("a Brazilian chef"), which names and backstory follow. */
  origin: Origin | null;
  traits: string[];
  interests: string[];
}

const TITLED = "business|sales|police|fire|post|fisher|crafts|chair|sports|delivery|handy|door|news|camera";
const FEMALE = new RegExp(
  `\\b(?:woman|girl|lady|she|her|hers|mother|mum|mom|grandmother|grandma|wife|sister|daughter|actress|waitress|gal|female|aunt|queen|niece|(?:${TITLED})woman)\\b`,
  "i",
);
const MALE = new RegExp(
  `\\b(?:man|guy|boy|he|him|his|father|dad|grandfather|grandpa|husband|brother|son|gentleman|bloke|chap|male|uncle|king|nephew|fellow|(?:${TITLED})man)\\b`,
  "i",
);
const NOT_NAMES = /^(?:She|He|They|It|This|That|The|A|An|Someone|Somebody|My|Our|Your|Their|His|Her)$/;

export function readPromptFacts(prompt: string): PromptFacts {
  const text = prompt.replace(/\s+/g, " ").trim();
  const gender =
    FEMALE.test(text) && !MALE.test(text) ? "female" : MALE.test(text) && !FEMALE.test(text) ? "male" : null;
  return {
    name: nameIn(text),
    age: ageIn(text),
    gender,
    place: placeIn(text),
    unknownPlace: unknownPlaceIn(text),
    occupation: occupationWithBusiness(occupationIn(text), text),
    origin: originIn(text),
    traits: traitsIn(text),
    interests: interestsIn(text),
  };
}

function nameIn(text: string): string | null {
  const named = /\b(?:named|called|name is|name's)\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)/u.exec(text);
  if (named) return named[1]!;
  const leading = /^(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?)(?:,|\s+is\b|\s+-)/u.exec(text);
  if (leading && !NOT_NAMES.test(leading[1]!.split(" ")[0]!) && !gazetteer().find(leading[1]!))
    return leading[1]!;
  return null;
}

function ageIn(text: string): number | null {
  const match =
    /\b(\d{1,3})[- ]?(?:years?[- ]old|yo|y\/o|y\.o\.)\b/i.exec(text) ??
    /\b(?:aged?|age of)\s+(\d{1,3})\b/i.exec(text) ??
    /(?:^|,)\s*(\d{1,3})\s*(?:,|$)/.exec(text) ??
    /\b(?:a|an)\s+(\d{1,3})\b(?!\s*(?:%|km|kg|cm|minutes?|hours?|days?|weeks?|months?))/i.exec(text);
  if (match) {
    const age = Number(match[1]);
    if (age >= 16 && age <= 110) return age;
  }
  const decade =
    /\bin (?:her|his|their|my) (early |mid-?|late )?(twenties|thirties|forties|fifties|sixties|seventies|eighties|20s|30s|40s|50s|60s|70s|80s)\b/i.exec(
      text,
    );
  if (!decade) return null;
  const tens: Record<string, number> = {
    twenties: 20,
    thirties: 30,
    forties: 40,
    fifties: 50,
    sixties: 60,
    seventies: 70,
    eighties: 80,
  };
  const base = tens[decade[2]!.toLowerCase()] ?? Number(decade[2]!.slice(0, 2));
  const part = (decade[1] ?? "").trim().toLowerCase();
  return base + (part === "early" ? 2 : part === "late" ? 8 : 5);
}

function traitsIn(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z-]+/)) {
    const trait = TRAIT_WORDS.get(raw);
    if (trait && !found.includes(trait)) found.push(trait);
  }
  return found;
}

function interestsIn(text: string): string[] {
  const found: string[] = [];
  const add = (value: string) => {
    const clean = value
      .trim()
      .replace(/^(?:the|some|all|any)\s+/i, "")
      .replace(/\s+/g, " ");
    if (clean.length >= 3 && clean.length <= 40 && !found.includes(clean.toLowerCase()))
      found.push(clean.toLowerCase());
  };
  const verbs =
    /\b(?:loves?|loving|likes?|enjoys?|into|obsessed with|passionate about|(?:a |big |huge )?fan of|collects|is into|adores?|spends? (?:(?:her|his|their|my|the|most) )?(?:weekends|evenings|free time|spare time|days off)(?: on)?|(?:hobby|hobbies|pastimes?) (?:is|are|includes?)|(?:hobby|hobbies|pastimes?):)\s+([^.;!?]+)/gi;
  for (const match of text.matchAll(verbs)) {
    const list = match[1]!.split(/\s+(?:who|that|but|because|when|while|whose|in|from|at)\s+/i)[0]!;
    for (const part of list.split(/\s*,\s*|\s+and\s+|\s+or\s+|\s*&\s*/)) add(gerund(part));
  }
  for (const [pattern, interest] of INTEREST_WORDS) if (pattern.test(text)) add(interest);
  const occupation = occupationIn(text) ?? "";
  for (const [pattern, interest] of OCCUPATION_INTERESTS) if (pattern.test(occupation)) add(interest);
  return found.slice(0, 6);
}

/** "to cook" → "cooking"; everything else as written. */
function gerund(phrase: string): string {
  const match = /^to\s+([a-z]+)(.*)$/i.exec(phrase.trim());
  if (!match) return phrase;
  const verb = match[1]!.toLowerCase();
  const ing = verb.endsWith("ie")
    ? `${verb.slice(0, -2)}ying`
    : verb.endsWith("e") && !verb.endsWith("ee")
      ? `${verb.slice(0, -1)}ing`
      : /^[^aeiou]*[aeiou][bdgmnprt]$/.test(verb)
        ? `${verb}${verb.at(-1)}ing`
        : `${verb}ing`;
  return `${ing}${match[2]}`;
}
