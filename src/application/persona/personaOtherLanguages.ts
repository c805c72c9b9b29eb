import { anyPattern } from "../anyPattern.ts";
import { selfStatementsInEnglish } from "../memory/otherLanguageStatements.ts";
import { QUESTION_PHRASES } from "./personaOtherLanguageQuestions.ts";

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
  hermana: "sister",
  hermano: "brother",
  madre: "mum",
  padre: "dad",
  abuela: "grandma",
  abuelo: "grandpa",
  sœur: "sister",
  soeur: "sister",
  frère: "brother",
  mère: "mum",
  père: "dad",
};

/** Things asked for a favourite of, in English: "tu flor favorita" → "your favourite flower". */
const THINGS: Record<string, string> = {
  flor: "flower",
  fleur: "flower",
  comida: "food",
  plato: "dish",
  plat: "dish",
  color: "colour",
  couleur: "colour",
  libro: "book",
  livre: "book",
  película: "film",
  pelicula: "film",
  film: "film",
  canción: "song",
  cancion: "song",
  chanson: "song",
  ciudad: "city",
  ville: "city",
  estación: "season",
  estacion: "season",
  saison: "season",
  música: "music",
  musica: "music",
  musique: "music",
  bebida: "drink",
  boisson: "drink",
  palabra: "word",
  mot: "word",
  lugar: "place",
  endroit: "place",
  flores: "flowers",
  fleurs: "flowers",
  libros: "books",
  livres: "books",
};

const favourite = (_: string, thing: string) =>
  `what's your favourite ${THINGS[thing.toLowerCase()] ?? thing}`;

type Replacement = string | ((match: string, ...groups: string[]) => string);

const PHRASES: readonly [RegExp, Replacement][] = [
  ...QUESTION_PHRASES,
  // German
  [/(?<![\p{L}])wie war dein tag(?![\p{L}])/giu, "how was your day"],
  [/(?<![\p{L}])was hast du heute gemacht(?![\p{L}])/giu, "what did you do today"],
  [/(?<![\p{L}])was machst du( gerade)?(?![\p{L}])/giu, "what are you doing"],
  [
    /(?<![\p{L}])mir geht(?:'s| es) (?:heute |gerade )?(?:nicht so |nicht |gar nicht )gut(?![\p{L}])/giu,
    "I'm not doing well",
  ],
  [/(?<![\p{L}])mir geht(?:'s| es) (?:heute |gerade )?(?:sehr )?gut(?![\p{L}])/giu, "I'm doing well"],
  [/(?<![\p{L}])ich bin (?:so |sehr )?traurig(?![\p{L}])/giu, "I'm sad"],
  [/(?<![\p{L}])ich bin (?:so |sehr |total |echt |voll )?müde(?![\p{L}])/giu, "I'm tired"],
  [/(?<![\p{L}])(?:ich )?hab(?:e)? (?:kaum|nicht|schlecht) geschlafen(?![\p{L}])/giu, "I barely slept"],
  [/(?<![\p{L}])ich bin (?:so |ganz |total )?allein(?![\p{L}])/giu, "I'm lonely"],
  [/(?<![\p{L}])ich bin (?:so |sehr )?glücklich(?![\p{L}])/giu, "I'm happy"],
  [/(?<![\p{L}])bist du müde(?![\p{L}])/giu, "are you tired"],
  [/\bwas ist dein lieblings(\p{L}+)/giu, "what's your favourite $1"],
  [/(?<![\p{L}])lieblingsessen(?![\p{L}])/giu, "food"],
  [/(?<![\p{L}])weil (?=mein)/giu, "because "],
  [
    /\bmein(?:e)? (opa|oma|vater|mutter|bruder|schwester)\b/gi,
    (_: string, who: string) => `my ${RELATIVES[who.toLowerCase()]}`,
  ],
  [/(?<![\p{L}])(?:ist|sind) krank(?![\p{L}])/giu, "is sick"],
  [/(?<![\p{L}])heiratet(?![\p{L}])/giu, "is getting married"],
  [/(?<![\p{L}])woher kommst du(?![\p{L}])/giu, "where are you from"],
  [/(?<![\p{L}])was liest du( gerade)?(?![\p{L}])/giu, "what are you reading"],
  [/(?<![\p{L}])gute nacht(?![\p{L}])/giu, "good night"],
  [/^\s*(?:und |aber )?warum\s*\??\s*$/giu, "why?"],
  [/(?<![\p{L}])was machst du heute(?![\p{L}])/giu, "what are you doing today"],
  [/(?<![\p{L}])wie alt bist du(?![\p{L}])/giu, "how old are you"],
  [/(?<![\p{L}])bis morgen(?![\p{L}])/giu, "see you tomorrow"],
  // Spanish
  [/¿/g, ""],
  [/¡/g, ""],
  [/(?<![\p{L}])qu[eé] hiciste hoy(?![\p{L}])/giu, "what did you do today"],
  [/(?<![\p{L}])c[oó]mo (?:fue|estuvo) tu d[ií]a(?![\p{L}])/giu, "how was your day"],
  [/(?<![\p{L}])me siento (?:un poco |muy |tan )?triste(?![\p{L}])/giu, "I feel sad"],
  [/(?<![\p{L}])estoy (?:un poco |muy |tan )?triste(?![\p{L}])/giu, "I'm sad"],
  [/(?<![\p{L}])estoy (?:un poco |muy |tan )?cansad[oa](?![\p{L}])/giu, "I'm tired"],
  [/(?<![\p{L}])te gusta(?:n)? (?:la |el |los |las )?/giu, "do you like "],
  [/(?<![\p{L}])de d[oó]nde eres(?![\p{L}])/giu, "where are you from"],
  [/(?<![\p{L}])qu[eé] (?:haces|vas a hacer) hoy(?![\p{L}])/giu, "what are you doing today"],
  [/(?<![\p{L}])qu[eé] (?:haces|vas a hacer) mañana(?![\p{L}])/giu, "what are you doing tomorrow"],
  [/(?<![\p{L}])cu[aá]l es tu (\p{L}+) favorit[oa](?![\p{L}])/giu, favourite],
  [
    /(?<![\p{L}])qu[eé] (\p{L}+) me recomiendas(?![\p{L}])/giu,
    (_: string, thing: string) => `what ${THINGS[thing.toLowerCase()] ?? thing} do you recommend`,
  ],
  [/(?<![\p{L}])para (?:la|mi|una) boda(?![\p{L}])/giu, "for a wedding"],
  [/^\s*(?:y |pero )?por qu[eé]\s*\??\s*$/giu, "why?"],
  [/(?<![\p{L}])qu[eé] (?:est[aá]s leyendo|lees)(?: ahora)?(?![\p{L}])/giu, "what are you reading"],
  [/(?<![\p{L}])buenas noches(?![\p{L}])/giu, "good night"],
  [/(?<![\p{L}])cu[aá]ntos años tienes(?![\p{L}])/giu, "how old are you"],
  [
    /(?<![\p{L}])mi (hermana|hermano|madre|padre|abuela|abuelo)(?![\p{L}])/giu,
    (_: string, who: string) => `my ${RELATIVES[who.toLowerCase()]}`,
  ],
  [/(?<![\p{L}])se casa(?:n)?(?![\p{L}])/giu, "is getting married"],
  [/(?<![\p{L}])hasta (?:mañana|luego)(?![\p{L}])/giu, "see you later"],
  // French
  [/(?<![\p{L}])qu'est-ce que tu as fait (?:ce matin|aujourd'hui)(?![\p{L}])/giu, "what did you do today"],
  [/(?<![\p{L}])tu as pass[ée] une bonne journ[ée]e(?![\p{L}])/giu, "how was your day"],
  [/(?<![\p{L}])je suis (?:un peu |très |trop )?fatigu[ée]e?(?![\p{L}])/giu, "I'm tired"],
  [/(?<![\p{L}])je suis (?:un peu |très |trop )?triste(?![\p{L}])/giu, "I'm sad"],
  [/(?<![\p{L}])comment (?:ça|ca) va(?: aujourd'hui)?(?![\p{L}])/giu, "how are you"],
  [/(?<![\p{L}])(?:d'o[uù] viens-tu|tu viens d'o[uù])(?![\p{L}])/giu, "where are you from"],
  [/(?<![\p{L}])qu'est-ce que tu lis(?: en ce moment)?(?![\p{L}])/giu, "what are you reading"],
  [/(?<![\p{L}])bonne nuit(?![\p{L}])/giu, "good night"],
  [/(?<![\p{L}])quel(?:le)? est (?:ta|ton) (\p{L}+) pr[ée]f[ée]r[ée]e?(?![\p{L}])/giu, favourite],
  [/(?<![\p{L}])qu'est-ce que tu fais aujourd'hui(?![\p{L}])/giu, "what are you doing today"],
  [/^\s*(?:et |mais )?pourquoi\s*\??\s*$/giu, "why?"],
  [
    /(?<![\p{L}])quel (?:â|a)ge as-tu(?![\p{L}])|(?<![\p{L}])tu as quel (?:â|a)ge(?![\p{L}])/giu,
    "how old are you",
  ],
  [
    /(?<![\p{L}])(?:ma|mon) (sœur|soeur|frère|mère|père)(?![\p{L}])/giu,
    (_: string, who: string) => `my ${RELATIVES[who.toLowerCase()]}`,
  ],
  [/(?<![\p{L}])se marie(?:nt)?(?![\p{L}])/giu, "is getting married"],
  [/(?<![\p{L}])à demain(?![\p{L}])/giu, "see you tomorrow"],
];

const anyPhrase = anyPattern(PHRASES.map(([phrase]) => phrase));

export function inEnglish(text: string): string {
  const said = selfStatementsInEnglish(text);
  // A line with none of the phrases (most English lines) is left as it is without trying each.
  if (!anyPhrase(said)) return said;
  return PHRASES.reduce(
    (english, [phrase, replacement]) => english.replace(phrase, replacement as string),
    said,
  );
}
