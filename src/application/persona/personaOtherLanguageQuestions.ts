/**
 * Everyday questions in German, Spanish and French about the agent's day and what the person
 * told, in the English the engine's rules read: what it ate, the weather and the time where it
 * is, its birthday, how work was, what it is watching, and what the person's pet is called.
 */
type Replacement = string | ((match: string, ...groups: string[]) => string);

const ANIMALS: Record<string, string> = {
  chat: "cat",
  chatte: "cat",
  chien: "dog",
  chienne: "dog",
  lapin: "rabbit",
  katze: "cat",
  kater: "cat",
  hund: "dog",
  hase: "rabbit",
  kaninchen: "rabbit",
  gato: "cat",
  gata: "cat",
  perro: "dog",
  perra: "dog",
  conejo: "rabbit",
};

/** "à midi" is lunch, "ce matin" breakfast, "ce soir" dinner; a meal not named is lunch. */
function meal(when: string | undefined): string {
  if (!when) return "lunch";
  if (/matin|früh|morgen|desayun|mañana/i.test(when)) return "breakfast";
  if (/soir|abend|cena|noche/i.test(when)) return "dinner";
  return "lunch";
}

const whose = (owner: string) => (/^(?:mon|ma|mein|meine|meinen|mi)$/i.test(owner) ? "my" : "your");
const named = (_: string, owner: string, animal: string) =>
  `what's ${whose(owner)} ${ANIMALS[animal.toLowerCase()] ?? animal} called`;

export const QUESTION_PHRASES: readonly [RegExp, Replacement][] = [
  // French
  [
    /(?<![\p{L}])(?:qu'est-ce que tu as mang[ée]|tu as mang[ée] quoi|qu'as-tu mang[ée])(?: (ce midi|à midi|ce matin|ce soir|aujourd'hui))?(?![\p{L}])/giu,
    (_: string, when?: string) => `what did you have for ${meal(when)}`,
  ],
  [
    /(?<![\p{L}])(?:il fait quel temps|quel temps fait-il|quel temps il fait)(?: (?:chez toi|là-bas|à \p{Lu}[\p{L}-]+))?(?![\p{L}])/giu,
    "what's the weather like there",
  ],
  [
    /(?<![\p{L}])(?:quelle heure est-il|il est quelle heure)(?: (?:chez toi|là-bas))?(?![\p{L}])/giu,
    "what time is it there",
  ],
  [/(?<![\p{L}])comment s'appelle (mon|ma|ton|ta) (\p{L}+)(?![\p{L}])/giu, named],
  [/(?<![\p{L}])(?:c'est quand|quand est) ton anniversaire(?![\p{L}])/giu, "when is your birthday"],
  [/(?<![\p{L}])(?:comment (?:s'est passé|était|c'était) (?:le|ton) travail)(?![\p{L}])/giu, "how was work"],
  [/(?<![\p{L}])(?:qu'est-ce que tu regardes|tu regardes quoi)(?![\p{L}])/giu, "what are you watching"],
  // German
  [
    /(?<![\p{L}])was hast du (?:heute )?(zu mittag|zum frühstück|zu abend|heute)? ?gegessen(?![\p{L}])/giu,
    (_: string, when?: string) => `what did you have for ${meal(when)}`,
  ],
  [
    /(?<![\p{L}])wie ist das wetter(?: (?:bei dir|bei euch|dort|da))?(?![\p{L}])/giu,
    "what's the weather like there",
  ],
  [/(?<![\p{L}])wie spät ist es(?: (?:bei dir|bei euch|dort|da))?(?![\p{L}])/giu, "what time is it there"],
  [/(?<![\p{L}])wie heißt (mein|meine|dein|deine) (\p{L}+)(?![\p{L}])/giu, named],
  [/(?<![\p{L}])wann hast du geburtstag(?![\p{L}])/giu, "when is your birthday"],
  [/(?<![\p{L}])wie war (?:die|deine) arbeit(?![\p{L}])/giu, "how was work"],
  [/(?<![\p{L}])was (?:schaust|guckst) du(?: gerade)?(?![\p{L}])/giu, "what are you watching"],
  // Spanish
  [
    /(?<![\p{L}])qu[eé] (?:comiste|has comido)(?: (hoy|en el almuerzo|de desayuno|para desayunar|de cena|para cenar))?(?![\p{L}])/giu,
    (_: string, when?: string) => `what did you have for ${meal(when)}`,
  ],
  [
    /(?<![\p{L}])qu[eé] tiempo hace(?: (?:all[ií]|ah[ií]|por all[aá]))?(?![\p{L}])/giu,
    "what's the weather like there",
  ],
  [/(?<![\p{L}])qu[eé] hora es(?: (?:all[ií]|ah[ií]))?(?![\p{L}])/giu, "what time is it there"],
  [/(?<![\p{L}])c[oó]mo se llama (mi|tu) (\p{L}+)(?![\p{L}])/giu, named],
  [/(?<![\p{L}])cu[aá]ndo es tu cumpleaños(?![\p{L}])/giu, "when is your birthday"],
  [/(?<![\p{L}])c[oó]mo (?:te fue|estuvo|fue) (?:en )?el trabajo(?![\p{L}])/giu, "how was work"],
];
