import type { SeededRandom } from "./personaRandom.ts";
import { capitalize } from "./personaTyping.ts";

/** "Your favourite word in Swedish?": a word it loves in that language, with what it means. */
const WORDS: Readonly<Record<string, readonly string[]>> = {
  swedish: ['"lagom" — not too much, not too little, just right', '"fika" — a coffee break, but sacred'],
  danish: ['"hygge" — that warm, candlelit cosiness'],
  norwegian: ['"friluftsliv" — open-air living, being out in nature'],
  finnish: ['"sisu" — grit, carrying on when it gets hard'],
  german: ['"Fernweh" — an ache for faraway places', '"Feierabend" — the moment work is over for the day'],
  dutch: ['"gezellig" — cosy, friendly, good company all at once'],
  french: ['"flâner" — to wander with no aim but to enjoy it', '"retrouvailles" — the joy of meeting again'],
  spanish: [
    '"sobremesa" — the long talk at the table after a meal',
    '"madrugada" — the small hours before dawn',
  ],
  portuguese: [
    '"saudade" — missing something you love, sweetly',
    '"cafuné" — running your fingers through someone\'s hair',
  ],
  italian: ['"abbiocco" — the drowsiness after a big lunch', '"passeggiata" — the slow evening stroll'],
  japanese: [
    '"komorebi" — sunlight filtering through the leaves',
    '"tsundoku" — buying books and letting them pile up',
  ],
  welsh: ['"hiraeth" — a homesickness for somewhere you can\'t go back to'],
  greek: ['"meraki" — putting your soul into what you do'],
  english: ['"petrichor" — the smell of rain on dry ground', '"dawdle"'],
};

const asksWordIn =
  /\bfavou?rite (?:word|expression|phrase|saying)s? (?:in|from) (\p{L}+)|\b(?:word|expression|phrase) (?:you love|you like) (?:in|from) (\p{L}+)/iu;

/**
 * The agent's favourite word in a language asked of ("and in Swedish?" after its favourite word):
 * a word it loves there, or, for a language it knows no word of, an honest "I don't know enough".
 * Null when the message asks no favourite word of a language.
 */
export function favouriteWordIn(text: string, random: SeededRandom): string[] | null {
  const found = asksWordIn.exec(text);
  const language = (found?.[1] ?? found?.[2])?.toLowerCase();
  if (!language) return null;
  const words = WORDS[language];
  if (!words)
    return [
      `I don't know enough ${capitalize(language)} to have a favourite word, honestly`,
      "Teach me one you love?",
    ];
  const word = random.pick(words);
  return [
    random.pick([`My favourite in ${capitalize(language)} is ${word}`, `Oh, it has to be ${word}`]),
    "I love a word that needs a whole sentence in English",
  ];
}
