import { indefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";
import { petPattern } from "./factLexicon.ts";
import { possessive } from "./thirdPerson.ts";

/** A pet the person named: what animal it is and what it is called. */
export interface NamedPet {
  /** The word the person used for the animal: "cat", "golden retriever". */
  species: string;
  name: string;
}

const NAME = "(\\p{Lu}[\\p{L}\\p{N}'-]*)";
const LEAD = "(?:little |new |old |rescue |baby |sweet |two-year-old |\\w+-year-old )*";
// "we adopted a cat named Luna", "I've got a dog called Rex", "our kitten, Miso".
const ACQUIRED = new RegExp(
  `\\b(?:a|an|one|our|my)\\s+${LEAD}(${petPattern})\\s*,?\\s+(?:named|called)\\s+${NAME}`,
  "iu",
);
// "our cat Luna", "my dog Rex": the name right after the animal.
const APPOSED = new RegExp(`\\b(?:our|my)\\s+${LEAD}(${petPattern})\\s*,?\\s+${NAME}(?!\\p{L})`, "u");
// "our cat is called Luna", "my dog's name is Rex".
const NAMED = new RegExp(
  `\\b(?:our|my)\\s+${LEAD}(${petPattern})(?:'s name)?\\s+(?:is called|is named|is|was called|was named|was)\\s+${NAME}`,
  "iu",
);

// "we got a puppy, his name is Bruno", "I have a cat and we named her Mochi".
const NAMED_AFTER = new RegExp(
  `\\b(?:a|an|one|our|my)\\s+${LEAD}(${petPattern})\\b.*?\\b(?:(?:his|her|its|their) name(?:'s| is)|(?:we|I) (?:named|called) (?:him|her|it|them))\\s+${NAME}`,
  "iu",
);

/** The pet a clause names ("we adopted a cat named Luna" → cat, Luna), or null. */
export function namedPet(clause: string): NamedPet | null {
  const match =
    ACQUIRED.exec(clause) ?? NAMED.exec(clause) ?? NAMED_AFTER.exec(clause) ?? APPOSED.exec(clause);
  if (!match || /^(?:pet|pets)$/i.test(match[1]!)) return null;
  return { species: match[1]!.toLowerCase(), name: match[2]! };
}

/**
 * The fact that the person has that pet, worded the same whoever "we" are: "Sam has a cat named
 * Luna". A pet that died or left stays in the person's own words.
 */
export function petFactText(pet: NamedPet, clause: string, personName: string): string | null {
  if (/\b(?:died|passed|put down|lost|gave away|rehomed|ran away|used to|had to)\b/i.test(clause))
    return null;
  if (/\bwas (?:called|named)\b|\bwas \p{Lu}/u.test(clause)) return null;
  // "our cat Luna sleeps all day" says more than that the cat exists: it keeps its own wording.
  if (!ACQUIRED.test(clause) && !NAMED.test(clause) && !NAMED_AFTER.test(clause)) return null;
  if (NAMED.test(clause) && !/\b(?:adopted|rescued|got|have|has|own|bought|took in)\b/i.test(clause))
    return `${possessive(personName)} ${pet.species} is called ${pet.name}`;
  const article = indefiniteArticle(pet.species);
  const naming = /\bcalled\b/i.test(clause) ? "called" : "named";
  return `${personName} has ${article} ${pet.species} ${naming} ${pet.name}`;
}
