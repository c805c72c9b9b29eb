import { foldName, gazetteer } from "../places/gazetteer.ts";
import { capitalize } from "./personaTyping.ts";

const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MONTHS = "january|february|march|april|june|july|august|september|october|november|december";
// "may" is a month only where a date says so: "in may", "on 3 may", "may 3rd".
const MAY =
  /\b(?<=(?:in|of|early|late|mid|until|since|by|\d{1,2}(?:st|nd|rd|th)?) )may\b|\bmay(?= \d{1,2}(?:st|nd|rd|th)?\b)/g;

/** Words after which a lower-case word may be a place: "flying to new york", "back from rome". */
const BEFORE_A_PLACE = /\b(?:to|in|from|at|visit|visiting|near|around|across|through|round)\s+/gi;
const WORDS_OF_A_PLACE = /^(?:\p{Ll}[\p{L}'’-]*)(?:\s+\p{Ll}[\p{L}'’-]*){0,3}/u;
const NOT_A_PLACE_START = /^(?:the|a|an|my|your|our|his|her|their|two|one|bed|work|home|town|school|time)$/;
/** Cities whose names are everyday words too: "in reading glasses", "to nice people". */
const WORD_CITIES = /^(?:reading|nice|split|mobile|orange|surprise|temple|victoria|florence|austin|jackson)$/;
/** A one-word city smaller than this is more likely a word ("bath", "reading") than the place. */
const SINGLE_WORD_CITY_POPULATION = 200_000;

const RELATIONS =
  "sister|brother|mum|mom|mother|dad|father|friend|partner|boyfriend|girlfriend|husband|wife|son|daughter|boss|roommate|flatmate|cousin|aunt|uncle|niece|nephew|colleague|grandma|grandpa|dog|cat";
const NAMED = /\b(called|named)\s+(\p{Ll}[\p{L}-]+)/gu;
/** "your sister anna is coming": the word after the relation is a name when a verb follows it. */
const RELATION_THEN_NAME = new RegExp(
  `\\b((?:your|my|our) (?:${RELATIONS}),? )(\\p{Ll}[\\p{L}-]+)(?=,? (?:is|was|has|had|and|will|'s|’s)\\b)`,
  "gu",
);
const NOT_A_NAME = /(?:ly|ing|ed)$|^(?:just|still|also|never|always|who|that|and|is|was|has|had|will)$/;

/**
 * A fact said back with the names in it written properly: "you're flying to new york on friday" →
 * "you're flying to New York on Friday". Days and months, cities and countries the gazetteer knows,
 * a name told after "called" or a relation, and the pronoun "I".
 */
export function properlyCapitalised(text: string): string {
  const dated = text
    .replace(new RegExp(`\\b(?:${DAYS}|${MONTHS})\\b`, "g"), (word) => capitalize(word))
    .replace(MAY, "May")
    .replace(/(^|\s)i(?=$|\s|['’](?:m|ve|d|ll)\b)/g, "$1I");
  const named = dated
    .replace(NAMED, (_, word: string, name: string) => `${word} ${capitalize(name)}`)
    .replace(RELATION_THEN_NAME, (whole, before: string, name: string) =>
      NOT_A_NAME.test(name) ? whole : before + capitalize(name),
    );
  return placesNamed(named);
}

function placesNamed(text: string): string {
  let out = "";
  let from = 0;
  for (const before of text.matchAll(BEFORE_A_PLACE)) {
    const start = before.index + before[0].length;
    if (start < from) continue;
    const words = WORDS_OF_A_PLACE.exec(text.slice(start))?.[0].split(/\s+/) ?? [];
    for (let n = words.length; n > 0; n--) {
      const said = words.slice(0, n).join(" ");
      const proper = placeName(said, n);
      if (proper) {
        out += text.slice(from, start) + proper;
        from = start + said.length;
        break;
      }
    }
  }
  return out + text.slice(from);
}

function placeName(said: string, words: number): string | null {
  if (NOT_A_PLACE_START.test(said.split(" ")[0]!)) return null;
  const places = gazetteer();
  const city = places.find(said);
  if (
    city &&
    foldName(city.city) === foldName(said) &&
    (words > 1 || (city.population >= SINGLE_WORD_CITY_POPULATION && !WORD_CITIES.test(said)))
  )
    return city.city;
  if (!places.isCountry(said)) return null;
  const country = places.largestCityOf(said)?.country;
  return country && foldName(country) === foldName(said) ? country : null;
}
