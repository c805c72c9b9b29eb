import { seededRandom } from "./personaRandom.ts";

/** Songs of a genre the agent can name when asked for that genre, not its own favourite kind. */
const songsOf: readonly [RegExp, readonly string[]][] = [
  [
    /\bcountry\b/i,
    ["Jolene by Dolly Parton", "Ring of Fire by Johnny Cash", "Wagon Wheel by Old Crow Medicine Show"],
  ],
  [
    /\bjazz\b/i,
    ["Take Five by Dave Brubeck", "So What by Miles Davis", "My Favorite Things by John Coltrane"],
  ],
  [/\bblues\b/i, ["The Thrill Is Gone by B.B. King", "Hoochie Coochie Man by Muddy Waters"]],
  [/\bfolk\b/i, ["Both Sides Now by Joni Mitchell", "The Boxer by Simon & Garfunkel"]],
  [/\b(?:rock|punk)\b/i, ["Go Your Own Way by Fleetwood Mac", "Heroes by David Bowie"]],
  [/\b(?:hip[- ]?hop|rap)\b/i, ["Juicy by The Notorious B.I.G.", "Alright by Kendrick Lamar"]],
  [/\b(?:soul|r&b|motown)\b/i, ["A Change Is Gonna Come by Sam Cooke", "Respect by Aretha Franklin"]],
  [/\bclassical\b/i, ["Clair de Lune by Debussy", "The Goldberg Variations by Bach"]],
  [/\breggae\b/i, ["Redemption Song by Bob Marley", "Israelites by Desmond Dekker"]],
  [/\bpop\b/i, ["Dancing Queen by ABBA", "Running Up That Hill by Kate Bush"]],
];

/**
 * "Recommend me a country song": a song of the genre asked, the same for the agent each time;
 * null when no genre is named.
 */
export function songOfGenreAsked(text: string, agentName: string): string | null {
  const found = songsOf.find(([genre]) => genre.test(text));
  return found ? seededRandom(0, agentName, found[0].source).pick(found[1]) : null;
}
