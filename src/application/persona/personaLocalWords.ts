import type { ReplyContext } from "../prompt/replyContext.ts";
import type { SeededRandom } from "./personaRandom.ts";

/**
 * The everyday words of the language where the agent lives — greetings, thanks, good night —
 * which anyone living there knows; other words, and other languages, it honestly does not.
 */

/** The language spoken where the agent lives, for the countries withme's gazetteer names most. */
const LANGUAGES: Record<string, string> = {
  portugal: "Portuguese",
  brazil: "Portuguese",
  spain: "Spanish",
  mexico: "Spanish",
  argentina: "Spanish",
  colombia: "Spanish",
  chile: "Spanish",
  peru: "Spanish",
  france: "French",
  germany: "German",
  austria: "German",
  italy: "Italian",
  netherlands: "Dutch",
  japan: "Japanese",
  china: "Mandarin",
  "south korea": "Korean",
  greece: "Greek",
  turkey: "Turkish",
  poland: "Polish",
  sweden: "Swedish",
  norway: "Norwegian",
  denmark: "Danish",
  finland: "Finnish",
  russia: "Russian",
  egypt: "Arabic",
  morocco: "Arabic",
  thailand: "Thai",
  vietnam: "Vietnamese",
  indonesia: "Indonesian",
  "united states": "English",
  "united kingdom": "English",
  ireland: "English",
  canada: "English",
  australia: "English",
  "new zealand": "English",
};

/** The language spoken where the agent lives, or null where withme's table names none. */
export function localLanguage(country: string): string | null {
  return LANGUAGES[country.toLowerCase()] ?? null;
}

const EVERYDAY = [
  "hello",
  "good morning",
  "good evening",
  "good night",
  "thank you",
  "goodbye",
  "please",
  "sorry",
  "cheers",
] as const;
type Everyday = (typeof EVERYDAY)[number];

/** Each language's words for `EVERYDAY`, in its order, between bars. */
const WORDS: Record<string, string> = {
  Portuguese:
    "olá|bom dia|boa noite|boa noite|obrigado, or obrigada if you're a woman|tchau|por favor|desculpa|saúde",
  Spanish: "hola|buenos días|buenas noches|buenas noches|gracias|adiós|por favor|perdón|salud",
  French: "bonjour|bonjour|bonsoir|bonne nuit|merci|au revoir|s'il vous plaît|pardon|santé",
  German: "hallo|guten Morgen|guten Abend|gute Nacht|danke|tschüss|bitte|Entschuldigung|prost",
  Italian: "ciao|buongiorno|buonasera|buonanotte|grazie|arrivederci|per favore|scusa|salute",
  Dutch: "hallo|goedemorgen|goedenavond|welterusten|dank je|doei|alsjeblieft|sorry|proost",
  Japanese: "konnichiwa|ohayō|konbanwa|oyasumi|arigatō|mata ne|onegaishimasu|sumimasen|kanpai",
  Mandarin: "nǐ hǎo|zǎo|wǎnshang hǎo|wǎn'ān|xièxie|zàijiàn|qǐng|duìbuqǐ|gānbēi",
  Korean: "annyeonghaseyo|annyeonghaseyo|annyeonghaseyo|jal ja|gamsahamnida|annyeong|juseyo|mianhae|geonbae",
  English: "hello|good morning|good evening|good night|thank you|bye|please|sorry|cheers",
};

const ASKED: readonly [RegExp, Everyday][] = [
  [/\b(?:hello|hi|hey)\b/i, "hello"],
  [/\bgood ?morning\b/i, "good morning"],
  [/\bgood ?evening\b/i, "good evening"],
  [/\bgood ?night\b/i, "good night"],
  [/\bthanks?(?: you)?\b/i, "thank you"],
  [/\b(?:good ?bye|bye)\b/i, "goodbye"],
  [/\bplease\b/i, "please"],
  [/\b(?:sorry|excuse me)\b/i, "sorry"],
  [/\bcheers\b/i, "cheers"],
];

/**
 * "How do you say thank you in Japanese?" to an agent in Tokyo, "how do you say good night in your
 * language?", "how do you say hello where you live?": the everyday word, as a local says it. Null
 * for other words or another language.
 */
export function everydayWordAnswer(context: ReplyContext, random: SeededRandom): string[] | null {
  const text = context.personMessage;
  const { homeCity, country } = context.identity;
  const own = localLanguage(country);
  if (own === null) return null;
  const asked =
    /\b(?:say|translate|word for)\s+["'“‘]?([\p{L} ']{1,30}?)["'”’]?\s+((?:in|into|to|where|there|over|here)\b.*)$/iu.exec(
      text,
    );
  if (!asked) return null;
  const where = asked[2]!.toLowerCase().replace(/[?!.\s]+$/, "");
  const named = /^(?:in|into|to) (?:the )?(.+)$/.exec(where)?.[1];
  const ownPlace =
    /^(?:(?:in|into|to) your (?:language|country|city|town)|where you (?:live|are)|(?:over )?there|here)\b/.test(
      where,
    ) ||
    (named !== undefined && [own, homeCity, country].some((p) => p !== "" && named === p.toLowerCase()));
  if (!ownPlace) return null;
  const word = ASKED.find(([pattern]) => pattern.test(asked[1]!))?.[1];
  if (!word) return null;
  const local = WORDS[own]?.split("|")[EVERYDAY.indexOf(word)];
  if (!local) return null;
  if (own === "English")
    return [
      `Just “${local}” — it's English here in ${homeCity}`,
      random.pick(["Nothing fancy", "No secret word, sorry"]),
    ];
  return [
    `In ${own} it's “${local}”`,
    random.pick([
      `I say it about fifty times a day here in ${homeCity}`,
      "Want to try it?",
      "Easy one — you'd pick it up in a day",
    ]),
  ];
}
