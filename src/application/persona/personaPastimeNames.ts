/** The languages other than English that replies are written in. */
export type OtherLanguage = "fr" | "de" | "es" | "pt" | "it";

type Names = Readonly<Record<OtherLanguage, string>>;

/**
 * An agent's interests are written in English; a reply in another language names them in it,
 * with the article the sentence needs ("du temps pour la voile", "Zeit für das Rudern"). The more
 * particular words come first: "crime novels" before "novels", "board games" before "games".
 */
const PASTIME_NAMES: readonly [RegExp, Names][] = [
  [
    /crime|mystery|mysteries|detective/,
    n("les polars", "Krimis", "las novelas policiacas", "os policiais", "i gialli"),
  ],
  [
    /board games?/,
    n(
      "les jeux de société",
      "Brettspiele",
      "los juegos de mesa",
      "os jogos de tabuleiro",
      "i giochi da tavolo",
    ),
  ],
  [
    /video ?games?|gaming/,
    n("les jeux vidéo", "Videospiele", "los videojuegos", "os videojogos", "i videogiochi"),
  ],
  [
    /old films|old movies|classic films/,
    n("les vieux films", "alte Filme", "el cine clásico", "os filmes antigos", "i vecchi film"),
  ],
  [/\bsail/, n("la voile", "das Segeln", "la vela", "a vela", "la vela")],
  [/\brow(?:ing)?\b/, n("l'aviron", "das Rudern", "el remo", "o remo", "il canottaggio")],
  [/\bjazz/, n("le jazz", "den Jazz", "el jazz", "o jazz", "il jazz")],
  [
    /\bbak(?:e|ing)/,
    n("la pâtisserie", "das Backen", "la repostería", "a pastelaria", "i dolci fatti in casa"),
  ],
  [/\bcook/, n("la cuisine", "das Kochen", "la cocina", "a cozinha", "la cucina")],
  [/photo/, n("la photo", "die Fotografie", "la fotografía", "a fotografia", "la fotografia")],
  [/\bswim/, n("la natation", "das Schwimmen", "la natación", "a natação", "il nuoto")],
  [/football|soccer/, n("le foot", "den Fußball", "el fútbol", "o futebol", "il calcio")],
  [
    /\bhik(?:e|es|ing)\b|trekking|mountains/,
    n("la randonnée", "das Wandern", "el senderismo", "as caminhadas", "le escursioni"),
  ],
  [/\bwalk/, n("les balades", "lange Spaziergänge", "los paseos", "os passeios", "le passeggiate")],
  [/guitar/, n("la guitare", "die Gitarre", "la guitarra", "a guitarra", "la chitarra")],
  [/piano/, n("le piano", "das Klavier", "el piano", "o piano", "il pianoforte")],
  [/poe(?:try|ms)/, n("la poésie", "die Poesie", "la poesía", "a poesia", "la poesia")],
  [/cycl|\bbik(?:e|es|ing)\b/, n("le vélo", "das Radfahren", "la bici", "a bicicleta", "il ciclismo")],
  [/\bopera/, n("l'opéra", "die Oper", "la ópera", "a ópera", "l'opera")],
  [/films?|movies?|cinema/, n("le cinéma", "das Kino", "el cine", "o cinema", "il cinema")],
  [/vinyl|records/, n("les vinyles", "Schallplatten", "los vinilos", "os vinis", "i vinili")],
  [/\bread|books|novels/, n("la lecture", "das Lesen", "la lectura", "a leitura", "la lettura")],
  [/\bsurf/, n("le surf", "das Surfen", "el surf", "o surf", "il surf")],
  [/\byoga/, n("le yoga", "Yoga", "el yoga", "o ioga", "lo yoga")],
  [/garden/, n("le jardinage", "die Gartenarbeit", "la jardinería", "a jardinagem", "il giardinaggio")],
  [/\bdraw|sketch/, n("le dessin", "das Zeichnen", "el dibujo", "o desenho", "il disegno")],
  [/paint/, n("la peinture", "das Malen", "la pintura", "a pintura", "la pittura")],
  [/\bchess/, n("les échecs", "Schach", "el ajedrez", "o xadrez", "gli scacchi")],
  [/tennis/, n("le tennis", "Tennis", "el tenis", "o ténis", "il tennis")],
  [/\brun(?:ning)?\b|jogging/, n("la course à pied", "das Laufen", "correr", "a corrida", "la corsa")],
  [/climb|boulder/, n("l'escalade", "das Klettern", "la escalada", "a escalada", "l'arrampicata")],
  [/danc|salsa|tango|ballet/, n("la danse", "das Tanzen", "el baile", "a dança", "la danza")],
  [/theat(?:re|er)/, n("le théâtre", "das Theater", "el teatro", "o teatro", "il teatro")],
  [/museum|galler/, n("les musées", "Museen", "los museos", "os museus", "i musei")],
  [/fishing/, n("la pêche", "das Angeln", "la pesca", "a pesca", "la pesca")],
  [/knit/, n("le tricot", "das Stricken", "el punto", "o tricô", "il lavoro a maglia")],
  [/pottery|ceramics/, n("la poterie", "das Töpfern", "la cerámica", "a cerâmica", "la ceramica")],
  [
    /puzzles|crosswords/,
    n("les mots croisés", "Kreuzworträtsel", "los crucigramas", "as palavras cruzadas", "le parole crociate"),
  ],
  [/karaoke|singing/, n("le chant", "das Singen", "cantar", "cantar", "il canto")],
  [/\bski/, n("le ski", "das Skifahren", "el esquí", "o esqui", "lo sci")],
  [/\bgolf/, n("le golf", "Golf", "el golf", "o golfe", "il golf")],
  [/\bfado/, n("le fado", "den Fado", "el fado", "o fado", "il fado")],
  [/skat/, n("le skate", "das Skaten", "el skate", "o skate", "lo skate")],
  [/\bmusic/, n("la musique", "die Musik", "la música", "a música", "la musica")],
];

/** Said when none of the agent's pastimes has a name in the language: the sentence stays in it. */
const OWN_PASTIMES: Names = n(
  "mes passe-temps",
  "meine Hobbys",
  "mis aficiones",
  "os meus passatempos",
  "i miei passatempi",
);

const AND: Names = n("et", "und", "y", "e", "e");

function n(fr: string, de: string, es: string, pt: string, it: string): Names {
  return { fr, de, es, pt, it };
}

/** An interest as the language names it, or null when it has no name there yet. */
export function pastimeName(interest: string, language: OtherLanguage): string | null {
  const english = interest.toLowerCase();
  return PASTIME_NAMES.find(([pattern]) => pattern.test(english))?.[1][language] ?? null;
}

/** A pastime the agent's plans name in English, as the language names it, or its pastimes in general. */
export function pastimeSaidIn(pastime: string, language: OtherLanguage): string {
  return pastimeName(pastime, language) ?? OWN_PASTIMES[language];
}

/** The agent's interests the language has names for, two at most ("la voile et le jazz"). */
export function pastimesIn(interests: readonly string[], language: OtherLanguage): string {
  const named = [...new Set(interests.flatMap((interest) => pastimeName(interest, language) ?? []))].slice(
    0,
    2,
  );
  return named.length === 0 ? OWN_PASTIMES[language] : named.join(` ${AND[language]} `);
}
