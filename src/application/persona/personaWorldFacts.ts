import type { SeededRandom } from "./personaRandom.ts";

/**
 * The capitals everyone learns at school: the one kind of trivia people ask a companion most,
 * answered like a friend would, without looking anything up.
 */
const CAPITALS: Readonly<Record<string, string>> = {
  afghanistan: "Kabul",
  argentina: "Buenos Aires",
  australia: "Canberra",
  austria: "Vienna",
  belgium: "Brussels",
  brazil: "Brasília",
  bulgaria: "Sofia",
  canada: "Ottawa",
  chile: "Santiago",
  china: "Beijing",
  colombia: "Bogotá",
  croatia: "Zagreb",
  cuba: "Havana",
  "czech republic": "Prague",
  czechia: "Prague",
  denmark: "Copenhagen",
  egypt: "Cairo",
  england: "London",
  ethiopia: "Addis Ababa",
  finland: "Helsinki",
  france: "Paris",
  germany: "Berlin",
  ghana: "Accra",
  greece: "Athens",
  hungary: "Budapest",
  iceland: "Reykjavík",
  india: "New Delhi",
  indonesia: "Jakarta",
  iran: "Tehran",
  iraq: "Baghdad",
  ireland: "Dublin",
  israel: "Jerusalem",
  italy: "Rome",
  jamaica: "Kingston",
  japan: "Tokyo",
  kenya: "Nairobi",
  mexico: "Mexico City",
  morocco: "Rabat",
  netherlands: "Amsterdam",
  "the netherlands": "Amsterdam",
  "new zealand": "Wellington",
  nigeria: "Abuja",
  norway: "Oslo",
  pakistan: "Islamabad",
  peru: "Lima",
  philippines: "Manila",
  "the philippines": "Manila",
  poland: "Warsaw",
  portugal: "Lisbon",
  romania: "Bucharest",
  russia: "Moscow",
  "saudi arabia": "Riyadh",
  scotland: "Edinburgh",
  "south africa": "Pretoria",
  "south korea": "Seoul",
  korea: "Seoul",
  spain: "Madrid",
  sweden: "Stockholm",
  switzerland: "Bern",
  thailand: "Bangkok",
  turkey: "Ankara",
  türkiye: "Ankara",
  ukraine: "Kyiv",
  "united kingdom": "London",
  "the uk": "London",
  uk: "London",
  "united states": "Washington, D.C.",
  "the united states": "Washington, D.C.",
  "the us": "Washington, D.C.",
  "the usa": "Washington, D.C.",
  usa: "Washington, D.C.",
  america: "Washington, D.C.",
  vietnam: "Hanoi",
  wales: "Cardiff",
};

const CAPITAL_ASKED = /\bcapital (?:city )?of ([\p{L} .'-]{2,30}?)\s*[?!.]*\s*$/iu;

/** "What's the capital of Canada?": the capital, said plainly; null for a country it does not know. */
export function worldFactAnswer(text: string, random: SeededRandom): string[] | null {
  const country = CAPITAL_ASKED.exec(text)?.[1]?.trim().toLowerCase();
  const capital = country ? CAPITALS[country] : undefined;
  if (!country || !capital) return null;
  return [
    random.pick([`It's ${capital}`, `${capital}!`, `${capital}, I'm pretty sure`]),
    random.pick([
      "One of the few things I remember from school",
      "Geography was the one class I paid attention in",
    ]),
  ];
}
