import { anyPattern } from "../anyPattern.ts";
import { NUMBERS, WORDS } from "./otherLanguageWords.ts";

/**
 * What a person says of themselves in everyday German, Spanish or French, in the English the fact
 * rules read: "ich komme aus Wien" → "I'm from Wien", "me llamo Ana" → "my name is Ana",
 * "tengo dos gatos" → "I have two cats". Names and places stay as they were written; a job or an
 * animal the lexicon does not know is kept in the person's word. A message with none of these
 * openings is returned unchanged.
 */

const L = "\\p{L}";
const NAME = `(\\p{Lu}[${L}'-]*)`;
const WORD = `([${L}]+)`;
const start = `(?<![${L}'])`;
const end = `(?![${L}])`;

/**
 * Words said after a place that are not part of it: "ich komme aus Wien übrigens". The patterns
 * ignore case, so a place's next word is told from these by the words, not by a capital.
 */
const FILLER =
  "(?:übrigens|eigentlich|ursprünglich|auch|ja|halt|doch|jetzt|gerade|seit kurzem|por cierto|también|ahora|en realidad|originalmente|d'ailleurs|en fait|aussi|maintenant|à l'origine)(?![\\p{L}])";
const PLACE = `(\\p{Lu}[${L}'-]*(?:[ -](?!${FILLER})\\p{Lu}[${L}'-]*)*)`;
const AFTER_PLACE = `(?:,?\\s+${FILLER})*`;
/** "ich wohne jetzt in Graz", "ich komme ursprünglich aus Wien". */
const NOW = `(?:${FILLER}\\s+)?`;

const english = (word: string): string => WORDS[word.toLowerCase()] ?? word;
const article = (job: string): string => (/^[aeiou]/i.test(job) ? `an ${job}` : `a ${job}`);
const job = (_: string, word: string) => `I'm ${article(english(word))}`;
const count = (_: string, number: string, thing: string) =>
  `I have ${NUMBERS[number.toLowerCase()]} ${english(thing)}`;
const called = (_: string, whose: string, thing: string, name: string) =>
  /^(?:a|two|three)$/.test(whose)
    ? `${whose} ${english(thing)} called ${name}`
    : `my ${english(thing)} is called ${name}`;
const ENGLISH_WORDS = new Set(Object.values(WORDS));
const known = (word: string) =>
  WORDS[word.toLowerCase()] !== undefined || ENGLISH_WORDS.has(word.toLowerCase());

const numbers = Object.keys(NUMBERS).join("|");
const phrase = (source: string) => new RegExp(`${start}${source}${end}`, "giu");

const STATEMENTS: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  [
    phrase(`(?:ich heiße|ich heisse|mein name ist|me llamo|mi nombre es|je m'appelle|mon nom est) ${NAME}`),
    "my name is $1",
  ],
  [
    phrase(
      `(?:ich komme ${NOW}aus|ich bin ${NOW}aus|soy ${NOW}de|vengo ${NOW}de|je viens ${NOW}de|je suis ${NOW}de) ${PLACE}${AFTER_PLACE}`,
    ),
    "I'm from $1",
  ],
  [
    phrase(
      `(?:ich wohne ${NOW}in|ich lebe ${NOW}in|vivo ${NOW}en|j'habite ${NOW}(?:à|en)|je vis ${NOW}(?:à|en)) ${PLACE}${AFTER_PLACE}`,
    ),
    "I live in $1",
  ],
  [phrase(`(?:ich arbeite als|trabajo como|trabajo de|je travaille comme) ${WORD}`), job],
  [
    phrase(`(?:ich bin|soy|je suis) (?:ein |eine |un |una |une )?${WORD}`),
    (whole, word) => (known(word!) ? job(whole!, word!) : whole!),
  ],
  [
    phrase(`(?:ich habe|ich hab|tengo|j'ai) (${numbers}) ${WORD}`),
    (whole, number, thing) => (known(thing!) ? count(whole!, number!, thing!) : whole!),
  ],
  // A pet or a relative with a name: "mein Hund heißt Bruno", "(I have a dog) qui s'appelle Biscuit".
  [
    phrase(
      `(mein|meine|mi|mon|ma|a|two|three) ${WORD},? (?:der|die|que|qui)? ?(?:heißt|heisst|se llama|s'appelle|se llaman|s'appellent) ${NAME}`,
    ),
    (whole, whose, thing, name) => (known(thing!) ? called(whole!, whose!, thing!, name!) : whole!),
  ],
  [new RegExp(`${start}(?:und|y|et) (?=I |I'm |my )`, "gu"), "and "],
];

const anyStatement = anyPattern(STATEMENTS.map(([pattern]) => pattern));

export function selfStatementsInEnglish(text: string): string {
  if (!anyStatement(text)) return text;
  return STATEMENTS.reduce((said, [pattern, english]) => said.replace(pattern, english as string), text);
}
