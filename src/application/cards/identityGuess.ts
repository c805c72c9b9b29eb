import { ZONE_RENAMES } from "../../domain/shared/zoneRenames.ts";
import { occupationIn } from "../agents/agentGeneratorOccupation.ts";
import { placeIn } from "../agents/agentGeneratorPlace.ts";
import type { NormalizedCard } from "./cardJson.ts";
import { labelledValue } from "./cardText.ts";

/**
 * A first guess at where a card's character lives and what they do, for the operator to confirm
 * in the import form: a city the gazetteer knows ("a baker in Porto"), else one that names an IANA
 * time zone (Tokyo → Asia/Tokyo), and an "Occupation:" line, a "works as a …" phrase or the
 * occupation the opening names. Nothing is guessed when the text says nothing.
 */
export interface IdentityGuess {
  homeCity: string | null;
  timezone: string | null;
  occupation: string | null;
}

/** Zone cities that are also common first names or words in character cards. */
const PERSON_NAMES = new Set([
  "Sofia",
  "Regina",
  "Chihuahua",
  "Belize",
  "Victoria",
  "Madeira",
  "Bermuda",
  "Guernsey",
  "Jersey",
]);

let cities: { city: string; zone: string; pattern: RegExp }[] | null = null;

function zoneCities() {
  cities ??= Intl.supportedValuesOf("timeZone")
    // Research stations and county seats (Antarctica/Casey, America/North_Dakota/Salem) read as names, not homes.
    .filter((zone) => zone.split("/").length === 2 && !/^(Etc|Antarctica|Arctic)\//.test(zone))
    // A renamed zone is found by either city name ("Kiev", "Kyiv") and guessed by its IANA name now.
    .flatMap((listed) => {
      const zone = ZONE_RENAMES[listed] ?? listed;
      return [...new Set([listed, zone].map((name) => name.slice(name.lastIndexOf("/") + 1)))].map(
        (place) => ({ place, zone }),
      );
    })
    .map(({ place, zone }) => {
      const city = place.replace(/_/g, " ");
      return {
        city,
        zone,
        pattern: new RegExp(`(?<![\\p{L}])${city.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u"),
      };
    })
    .filter(({ city }) => city.length >= 4 && !PERSON_NAMES.has(city));
  return cities;
}

export function guessIdentity(card: NormalizedCard): IdentityGuess {
  // The character's own name is never their city ("Sofia is a nurse").
  const names = [card.name, card.nickname].map((n) => n.trim()).filter((n) => n.length > 0);
  const text = withoutNames(
    [card.description, card.personality, card.scenario, card.firstMessage].join("\n"),
    names,
  );
  const place = placeIn(text);
  let best: { city: string; zone: string; at: number } | null = place
    ? { city: place.city, zone: place.timezone, at: 0 }
    : null;
  for (const { city, zone, pattern } of best ? [] : zoneCities()) {
    const at = text.search(pattern);
    if (at !== -1 && (best === null || at < best.at)) best = { city, zone, at };
  }
  const labelled = labelledValue(text, ["occupation", "job", "profession", "work"]);
  const phrase =
    /\bworks? as (?:an? )?([a-z][a-z -]{2,38}?[a-z])(?= (?:in|at|for|from|on) |[.,;!?\n]|$)/i.exec(text);
  const occupation = (labelled ?? phrase?.[1] ?? occupationIn(firstSentences(card.description, names)) ?? "")
    .replace(/["“”]/g, "")
    .split(/[.,;\n]/)[0]!
    .trim();
  return {
    homeCity: best?.city ?? null,
    timezone: best?.zone ?? null,
    occupation: occupation.length > 0 && occupation.length <= 100 ? occupation : null,
  };
}

function withoutNames(text: string, names: readonly string[]): string {
  return names.reduce((result, name) => result.replaceAll(name, "{{char}}"), text);
}

/** Where a card says what the character is ("{{char}} is a baker…", "A sailor from…"): its opening. */
function firstSentences(description: string, names: readonly string[]): string {
  return withoutNames(description, names)
    .split(/(?<=[.!?])\s+/)
    .slice(0, 2)
    .filter((sentence) => /^an? |\b(?:is|was) an? /i.test(sentence.trim()))
    .join(" ")
    .slice(0, 300);
}
