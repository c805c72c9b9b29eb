export type HairLength = "bald" | "buzz" | "short" | "medium" | "long";
export type HairStyle = "straight" | "wavy" | "curly" | "afro" | "bun" | "ponytail" | "braids";
export type Clothing = "tshirt" | "sweater" | "shirt" | "jacket" | "hoodie" | "dress";
export type Headwear = "none" | "flatCap" | "beanie" | "baseballCap" | "beret" | "hat";

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
  "braid",
  "plait",
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
  fleece: "hoodie",
  dress: "dress",
  gown: "dress",
  sundress: "dress",
  pullover: "sweater",
  flannel: "shirt",
  polo: "shirt",
  scrubs: "shirt",
  overshirt: "shirt",
  parka: "jacket",
  raincoat: "jacket",
  trench: "jacket",
  anorak: "jacket",
  puffer: "jacket",
  waistcoat: "jacket",
  vest: "jacket",
  uniform: "jacket",
};

/** Headwear, two-word names first: "flat cap" before "cap". */
export const HEADWEAR: readonly (readonly [string, Headwear])[] = [
  ["flat cap", "flatCap"],
  ["newsboy cap", "flatCap"],
  ["newsboy", "flatCap"],
  ["baker boy", "flatCap"],
  ["baseball cap", "baseballCap"],
  ["trucker cap", "baseballCap"],
  ["snapback", "baseballCap"],
  ["woolly hat", "beanie"],
  ["wool hat", "beanie"],
  ["knit hat", "beanie"],
  ["knitted hat", "beanie"],
  ["bobble hat", "beanie"],
  ["beanie", "beanie"],
  ["toque", "beanie"],
  ["beret", "beret"],
  ["fedora", "hat"],
  ["trilby", "hat"],
  ["straw hat", "hat"],
  ["sun hat", "hat"],
  ["cowboy hat", "hat"],
  ["bucket hat", "hat"],
  ["panama", "hat"],
  ["hat", "hat"],
  ["cap", "baseballCap"],
];

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
  braid: "braids",
  plait: "braids",
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
