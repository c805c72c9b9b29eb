import { seededRandom } from "./personaRandom.ts";

/** Books and films of a genre the agent can name when asked for that genre, not its own favourite. */
const BOOKS: readonly [RegExp, readonly string[]][] = [
  [
    /\b(?:crime|mystery|detective|murder|whodunn?it|thriller)\b/i,
    ["The Murder of Roger Ackroyd by Agatha Christie", "The Big Sleep by Raymond Chandler", "Gone Girl"],
  ],
  [/\b(?:sci-?fi|science fiction)\b/i, ["The Left Hand of Darkness", "Dune", "Project Hail Mary"]],
  [/\bfantasy\b/i, ["The Hobbit", "A Wizard of Earthsea", "The Name of the Wind"]],
  [/\b(?:horror|scary|spooky|ghost)\b/i, ["The Shining", "The Haunting of Hill House", "Rebecca"]],
  [/\b(?:romance|romantic|love story)\b/i, ["Pride and Prejudice", "Normal People", "Persuasion"]],
];
const FILMS: readonly [RegExp, readonly string[]][] = [
  [/\b(?:crime|mystery|detective|murder|whodunn?it|thriller)\b/i, ["Knives Out", "Chinatown", "Zodiac"]],
  [/\b(?:sci-?fi|science fiction)\b/i, ["Arrival", "Blade Runner", "Interstellar"]],
  [/\bfantasy\b/i, ["Spirited Away", "Pan's Labyrinth", "The Princess Bride"]],
  [/\b(?:horror|scary|spooky|ghost)\b/i, ["The Shining", "Get Out", "The Others"]],
  [/\b(?:romance|romantic|love story|rom-?com)\b/i, ["Before Sunrise", "When Harry Met Sally", "Amélie"]],
  [/\b(?:comedy|funny|comedies)\b/i, ["Paddington 2", "The Grand Budapest Hotel", "Groundhog Day"]],
  [/\b(?:animated|animation|cartoon)\b/i, ["Spirited Away", "Up", "My Neighbour Totoro"]],
];

/**
 * "Recommend me a crime novel", "a good scary film": a book or film of the genre asked, the same
 * for the agent each time; null when the kind is not a book or film, or no genre is named.
 */
export function storyOfGenreAsked(text: string, agentName: string): string | null {
  const table = /\b(?:books?|novels?|read)\b/i.test(text)
    ? BOOKS
    : /\b(?:films?|movies?|watch)\b/i.test(text)
      ? FILMS
      : null;
  const found = table?.find(([genre]) => genre.test(text));
  return found ? seededRandom(0, agentName, found[0].source).pick(found[1]) : null;
}
