import { gazetteer, type Place } from "../places/gazetteer.ts";
import { occupationWithBusiness } from "./agentGeneratorBusiness.ts";
import { type Origin, originIn } from "./agentGeneratorOrigin.ts";
import { placeIn, unknownPlaceIn } from "./agentGeneratorPlace.ts";
import { lifeStageOccupation, occupationFromVerbs } from "./agentGeneratorVerbJobs.ts";
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

const BOUNDARY =
  /^(?:in|from|at|who|whom|with|that|living|lives|based|named|called|and|whose|near|on|of|for|which|but|out|around|,|\.|;|!|\?)$/i;
const AGE_WORDS =
  /^(?:old|young|elderly|middle-aged|aging|ageing|older|younger|\d+-year-old|\d+-something)$/i;
const GENDER_NOUNS =
  /^(?:woman|women|man|men|guy|girl|boy|lady|gentleman|person|people|someone|somebody|soul|character|friend|companion|dude|gal|bloke|chap|fellow|female|male|mum|mom|dad|mother|father|grandmother|grandfather|grandma|grandpa|wife|husband)$/i;
const TITLED = "business|sales|police|fire|post|fisher|crafts|chair|sports|delivery|handy|door|news|camera";
const FEMALE = new RegExp(
  `\\b(?:woman|girl|lady|she|her|hers|mother|mum|mom|grandmother|grandma|wife|sister|daughter|actress|waitress|gal|female|aunt|queen|niece|(?:${TITLED})woman)\\b`,
  "i",
);
const MALE = new RegExp(
  `\\b(?:man|guy|boy|he|him|his|father|dad|grandfather|grandpa|husband|brother|son|gentleman|bloke|chap|male|uncle|king|nephew|fellow|(?:${TITLED})man)\\b`,
  "i",
);
const ACRONYMS = /^(?:PhD|DJ|ICU|ER|IT|UX|UI|NHS|TV)$/;
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

export function occupationIn(text: string): string | null {
  const explicit =
    /\b(?:works? as|working as|job as|employed as|career as|is)\s+(?:a|an)\s+([^,.;!?]+)/i.exec(text) ??
    /\b(?:a|an)\s+([^,.;!?]+?)\s+by trade\b/i.exec(text);
  const phrases: string[] = [];
  if (explicit) phrases.push(explicit[1]!);
  for (const match of text.matchAll(/(?:^|[\s,(])(?:a|an)\s+([^,.;!?]+)/gi)) phrases.push(match[1]!);
  // "She teaches yoga" starts with who, not with what they are.
  if (/^[a-z]/i.test(text) && !/^(?:a|an|she|he|they|I)\b/i.test(text)) phrases.push(text);
  for (const phrase of phrases) {
    const occupation = occupationOfPhrase(phrase);
    if (occupation) return occupation;
  }
  return occupationFromVerbs(text) ?? lifeStageOccupation(text);
}

function occupationOfPhrase(phrase: string): string | null {
  const words: string[] = [];
  const withoutAge = phrase.replace(/^\s*\d{1,3}[- ]?(?:years?[- ]old|yo|y\/o)\s+/i, "");
  for (const raw of withoutAge.split(/\s+/)) {
    const word = raw.replace(/[^\p{L}\d'-]/gu, "");
    if (!word || BOUNDARY.test(word) || /^\d+$/.test(word)) break;
    words.push(word);
  }
  // "an ex-marine turned florist": what they are now.
  const turned = words.lastIndexOf("turned");
  if (turned >= 0) words.splice(0, turned + 1);
  const capitalised = words.every((word) => /^\p{Lu}/u.test(word));
  const kept = words.filter(
    (word) =>
      !AGE_WORDS.test(word) &&
      !TRAIT_WORDS.has(word.toLowerCase()) &&
      (capitalised || !/^\p{Lu}/u.test(word) || ACRONYMS.test(word)),
  );
  // "a stay-at-home dad" keeps the noun that makes it a role.
  while (
    kept.length > 1 &&
    GENDER_NOUNS.test(kept.at(-1)!) &&
    !/at-home$|^single$|^full-time$/i.test(kept.at(-2)!)
  )
    kept.pop();
  if (kept.length === 1 && GENDER_NOUNS.test(kept[0]!)) kept.pop();
  while (kept.length > 0 && /^(?:female|male|very|really|quite|rather|kind|sort)$/i.test(kept[0]!))
    kept.shift();
  // Who they are ("a nonbinary barista", "a deaf potter") is not part of the job's name.
  while (
    kept.length > 1 &&
    /^(?:non-?binary|enby|trans|transgender|queer|gay|lesbian|bisexual|deaf|blind|disabled|autistic|neurodivergent|immigrant|expat)$/i.test(
      kept[0]!,
    )
  )
    kept.shift();
  if (kept.length === 0 || kept.length > 5) return null;
  const occupation = kept
    .join(" ")
    .toLowerCase()
    .replace(/\bphd\b/, "PhD")
    .replace(/\bicu\b/, "ICU")
    .replace(/\bdj\b/, "DJ");
  if (!/[a-z]{3,}/i.test(occupation)) return null;
  return occupation;
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
