import type { NormalizedCard } from "./cardJson.ts";
import { labelledValue } from "./cardText.ts";

/**
 * A first guess at where a card's character lives and what they do, for the operator to confirm
 * in the import form: a city that names an IANA time zone (Tokyo → Asia/Tokyo), and an
 * "Occupation:" line or "works as a …" phrase. Nothing is guessed when the text says nothing.
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
    .map((zone) => {
      const city = zone.slice(zone.lastIndexOf("/") + 1).replace(/_/g, " ");
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
  const text = [card.description, card.personality, card.scenario, card.firstMessage].join("\n");
  let best: { city: string; zone: string; at: number } | null = null;
  for (const { city, zone, pattern } of zoneCities()) {
    const at = text.search(pattern);
    if (at !== -1 && (best === null || at < best.at)) best = { city, zone, at };
  }
  const labelled = labelledValue(text, ["occupation", "job", "profession", "work"]);
  const phrase =
    /\bworks? as (?:an? )?([a-z][a-z -]{2,38}?[a-z])(?= (?:in|at|for|from|on) |[.,;!?\n]|$)/i.exec(text);
  const occupation = (labelled ?? phrase?.[1] ?? "")
    .replace(/["“”]/g, "")
    .split(/[.,;\n]/)[0]!
    .trim();
  return {
    homeCity: best?.city ?? null,
    timezone: best?.zone ?? null,
    occupation: occupation.length > 0 && occupation.length <= 100 ? occupation : null,
  };
}
