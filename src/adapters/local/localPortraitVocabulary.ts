export type HairLength = "bald" | "buzz" | "short" | "medium" | "long";
export type HairStyle = "straight" | "wavy" | "curly" | "afro" | "bun" | "ponytail" | "braids";
export type Clothing = "tshirt" | "sweater" | "shirt" | "jacket" | "hoodie" | "dress";

export const HAIR_NOUNS = [
  "hair",
  "haired",
  "locks",
  "curls",
  "mane",
  "bob",
  "ponytail",
  "bun",
  "braids",
  "fringe",
  "afro",
  "dreadlocks",
];

/** Hair colour words that mean hair even with no noun ("a blonde woman", "a redhead"). */
export const HAIR_ONLY_COLOURS = ["blonde", "blond", "brunette", "redhead", "ginger", "platinum"];

export const CLOTHES: Record<string, Clothing> = {
  tshirt: "tshirt",
  tee: "tshirt",
  top: "tshirt",
  tank: "tshirt",
  blouse: "shirt",
  shirt: "shirt",
  sweater: "sweater",
  jumper: "sweater",
  cardigan: "sweater",
  turtleneck: "sweater",
  knit: "sweater",
  jacket: "jacket",
  blazer: "jacket",
  coat: "jacket",
  suit: "jacket",
  hoodie: "hoodie",
  sweatshirt: "hoodie",
  dress: "dress",
  gown: "dress",
};

export const LENGTHS: Record<string, HairLength> = {
  bald: "bald",
  shaved: "buzz",
  buzz: "buzz",
  buzzed: "buzz",
  buzzcut: "buzz",
  crew: "buzz",
  short: "short",
  pixie: "short",
  cropped: "short",
  bob: "medium",
  medium: "medium",
  shoulder: "medium",
  long: "long",
  flowing: "long",
  waist: "long",
};

export const STYLES: Record<string, HairStyle> = {
  straight: "straight",
  sleek: "straight",
  wavy: "wavy",
  waves: "wavy",
  curly: "curly",
  curls: "curly",
  coily: "curly",
  ringlets: "curly",
  afro: "afro",
  bun: "bun",
  updo: "bun",
  topknot: "bun",
  ponytail: "ponytail",
  braids: "braids",
  braided: "braids",
  plaits: "braids",
  cornrows: "braids",
};

/** Style and length words that stand alone as a hairdo ("she wears an afro", "bald"). */
export const STANDALONE_HAIRDOS = ["bald", "afro", "ponytail", "bun", "braids", "pixie", "bob"];

export const FEMININE = ["woman", "girl", "female", "she", "her", "lady"];
export const MASCULINE = ["man", "guy", "male", "he", "his", "boy"];
export const OLDER = [
  "elderly",
  "older",
  "old",
  "senior",
  "retired",
  "grandmother",
  "grandfather",
  "wrinkles",
];
export const YOUNGER = ["young", "youthful", "teen", "teenage", "student", "twenties"];
