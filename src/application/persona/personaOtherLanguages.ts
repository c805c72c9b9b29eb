/**
 * Everyday German, Spanish and French chat lines in the English the engine's rules read: the
 * agent understands "Mir geht es nicht gut" as it would "I'm not doing well". Whole common
 * phrases only; a message with none of them is left as it is.
 */
const RELATIVES: Record<string, string> = {
  opa: "grandpa",
  oma: "grandma",
  vater: "dad",
  mutter: "mum",
  bruder: "brother",
  schwester: "sister",
};

type Replacement = string | ((match: string, ...groups: string[]) => string);

const PHRASES: readonly [RegExp, Replacement][] = [
  // German
  [/\bwie war dein tag\b/gi, "how was your day"],
  [/\bwas hast du heute gemacht\b/gi, "what did you do today"],
  [/\bwas machst du( gerade)?\b/gi, "what are you doing"],
  [/\bmir geht(?:'s| es) (?:nicht so |nicht |gar nicht )gut\b/gi, "I'm not doing well"],
  [/\bmir geht(?:'s| es) (?:sehr )?gut\b/gi, "I'm doing well"],
  [/\bich bin (?:so |sehr )?traurig\b/gi, "I'm sad"],
  [/\bich bin (?:so |sehr )?müde\b/gi, "I'm tired"],
  [/\bich bin (?:so |sehr )?glücklich\b/gi, "I'm happy"],
  [/\bbist du müde\b/gi, "are you tired"],
  [/\bwas ist dein lieblings(\p{L}+)/giu, "what's your favourite $1"],
  [/\blieblingsessen\b/gi, "food"],
  [/\bweil (?=mein)/gi, "because "],
  [
    /\bmein(?:e)? (opa|oma|vater|mutter|bruder|schwester)\b/gi,
    (_: string, who: string) => `my ${RELATIVES[who.toLowerCase()]}`,
  ],
  [/\b(?:ist|sind) krank\b/gi, "is sick"],
  [/\bgute nacht\b/gi, "good night"],
  [/\bbis morgen\b/gi, "see you tomorrow"],
  // Spanish
  [/¿/g, ""],
  [/¡/g, ""],
  [/\bqu[eé] hiciste hoy\b/gi, "what did you do today"],
  [/\bc[oó]mo (?:fue|estuvo) tu d[ií]a\b/gi, "how was your day"],
  [/\bme siento (?:un poco |muy |tan )?triste\b/gi, "I feel sad"],
  [/\bestoy (?:un poco |muy |tan )?triste\b/gi, "I'm sad"],
  [/\bestoy (?:un poco |muy |tan )?cansad[oa]\b/gi, "I'm tired"],
  [/\bte gusta(?:n)? (?:la |el |los |las )?/gi, "do you like "],
  [/\bbuenas noches\b/gi, "good night"],
  [/\bhasta (?:mañana|luego)\b/gi, "see you later"],
  // French
  [/\bqu'est-ce que tu as fait (?:ce matin|aujourd'hui)\b/gi, "what did you do today"],
  [/\btu as pass[ée] une bonne journ[ée]e\b/gi, "how was your day"],
  [/\bje suis (?:un peu |très |trop )?fatigu[ée]e?\b/gi, "I'm tired"],
  [/\bje suis (?:un peu |très |trop )?triste\b/gi, "I'm sad"],
  [/\bcomment (?:ça|ca) va(?: aujourd'hui)?\b/gi, "how are you"],
  [/\bbonne nuit\b/gi, "good night"],
  [/\bà demain\b/gi, "see you tomorrow"],
];

export function inEnglish(text: string): string {
  return PHRASES.reduce((said, [phrase, english]) => said.replace(phrase, english as string), text);
}
