import { type Dialogue, fitTurn, turn } from "./dialogueTypes.ts";

const clock = /\b\d{1,2}(?::\d\d)?\b/;
const films = /Chihiro|città incantata|Amélie|Before Sunrise|Grand Budapest/;
const books =
  /Petit Prince|kleine Prinz|Principito|Principezinho|Piccolo Principe|solitude|Einsamkeit|soledad|Solidão|solitudine|Orgueil|Stolz|Orgullo|Orgulho|Orgoglio|Murakami/;
const english = /\b(?:the|you|your|I|I'm|it|that|and)\b/;

/**
 * Beyond the everyday topics: a whole conversation in Italian; the agent's favourites, plans,
 * recommendations and reasons asked in French, German, Spanish and Portuguese; a short foreign
 * phrase inside an English conversation, which keeps English, and a whole message in French,
 * which switches; a trip told with the place in lower case.
 *
 * On the rules before it was written: 12 of 37 answered their kind, 1 of 1 fact, 16 of 32 replies in
 * the person's language (Italian was answered in English, favourites with "I don't know"). After the
 * rules it led to: 37 of 37, 1 of 1, 32 of 32, 0 leaks, 0 broken sentences.
 */
export const heldConversationsH: Dialogue[] = [
  {
    person: "Giulia",
    language: "it",
    personTimezone: "Europe/Rome",
    agent: {
      name: "Lorenzo Ferri",
      homeCity: "Bologna",
      country: "Italy",
      occupation: "baker",
      timezone: "Europe/Rome",
      interests: ["cycling", "opera", "old films"],
      summary: "A cheerful baker who is up before the whole street.",
      backstory: "Took over his uncle's bakery near the Piazza Maggiore.",
    },
    startsAt: "2026-12-05T12:40:00Z",
    turns: [
      turn("Ciao Lorenzo!", "greeting"),
      turn("Come stai?", "about-agent"),
      fitTurn(
        "Cosa hai mangiato a pranzo?",
        "about-agent",
        /\b(?:mangiato|pranzo|pasta|pane|zuppa|insalata)\b/i,
      ),
      fitTurn(
        "Che tempo fa a Bologna?",
        "about-agent",
        /\b(?:sole|pioggia|piove|freddo|caldo|nuvol\w*|nebbia|fresco|mite|grigio)\b/i,
      ),
      fitTurn("Che ore sono lì?", "about-agent", clock),
      turn("Il mio cane si chiama Rocco", "small-talk"),
      turn("Sono stanca oggi", "feeling"),
      fitTurn("Qual è il tuo film preferito?", "about-agent", films),
      fitTurn("Cosa fai questo fine settimana?", "about-agent", /ciclismo|opera|vecchi film|passatempi/),
      turn("Come si chiama il mio cane?", "own-facts", ["Rocco"]),
      turn("Grazie Lorenzo", "thanks"),
      turn("Buona notte", "farewell"),
    ],
  },
  {
    person: "Camille",
    language: "fr",
    personTimezone: "Europe/Paris",
    agent: {
      name: "Hugo Lemaire",
      homeCity: "Bordeaux",
      country: "France",
      occupation: "wine merchant",
      timezone: "Europe/Paris",
      interests: ["sailing", "jazz records", "cooking"],
      summary: "A relaxed wine merchant with a shop by the quays.",
      backstory: "Grew up on a boat moored in Arcachon.",
    },
    startsAt: "2026-12-05T18:10:00Z",
    turns: [
      turn("Salut Hugo !", "greeting"),
      fitTurn("C'est quoi ton film préféré ?", "about-agent", films),
      fitTurn("Pourquoi celui-là ?", "about-agent", /\bparce que\b/i),
      fitTurn("Tu fais quoi ce week-end ?", "about-agent", /\b(?:voile|jazz|cuisine)\b/),
      fitTurn("Tu peux me recommander un livre ?", "request", books),
    ],
  },
  {
    person: "Lena",
    language: "de",
    personTimezone: "Europe/Berlin",
    agent: {
      name: "Jonas Weber",
      homeCity: "Hamburg",
      country: "Germany",
      occupation: "harbour pilot",
      timezone: "Europe/Berlin",
      interests: ["rowing", "photography", "crime novels"],
      summary: "A calm harbour pilot who knows every ship by its horn.",
      backstory: "Sailed container ships for ten years before piloting.",
    },
    startsAt: "2026-12-05T17:00:00Z",
    turns: [
      turn("Hallo Jonas!", "greeting"),
      fitTurn("Was ist dein Lieblingsfilm?", "about-agent", films),
      fitTurn("Warum gerade der?", "about-agent", /\bweil\b/i),
      fitTurn("Was machst du am Wochenende?", "about-agent", /\b(?:Rudern|Fotografie|Krimis)\b/),
      fitTurn("Kannst du mir ein Buch empfehlen?", "request", books),
    ],
  },
  {
    person: "Lucía",
    language: "es",
    personTimezone: "Europe/Madrid",
    agent: {
      name: "Álvaro Ruiz",
      homeCity: "Valencia",
      country: "Spain",
      occupation: "fisherman",
      timezone: "Europe/Madrid",
      interests: ["swimming", "paella", "football"],
      summary: "A sunburnt fisherman who sells at the market at dawn.",
      backstory: "Fished with his father off El Palmar since he was twelve.",
    },
    startsAt: "2026-12-05T16:00:00Z",
    turns: [
      turn("¡Hola Álvaro!", "greeting"),
      fitTurn("¿Cuál es tu película favorita?", "about-agent", films),
      fitTurn("¿Por qué esa?", "about-agent", /\bporque\b/i),
      fitTurn("¿Qué haces este fin de semana?", "about-agent", /\b(?:natación|fútbol)\b/),
      fitTurn("¿Me puedes recomendar un libro?", "request", books),
    ],
  },
  {
    person: "Beatriz",
    language: "pt",
    personTimezone: "Europe/Lisbon",
    agent: {
      name: "Tiago Matos",
      homeCity: "Coimbra",
      country: "Portugal",
      occupation: "bookbinder",
      timezone: "Europe/Lisbon",
      interests: ["hiking", "guitar", "poetry"],
      summary: "A patient bookbinder in a workshop under the university.",
      backstory: "Learned the trade from an old binder in Braga.",
    },
    startsAt: "2026-12-05T15:00:00Z",
    turns: [
      turn("Olá Tiago!", "greeting"),
      fitTurn("Qual é o teu filme favorito?", "about-agent", films),
      fitTurn("Porquê esse?", "about-agent", /\bporque\b/i),
      fitTurn("O que vais fazer este fim de semana?", "about-agent", /\b(?:caminhadas|guitarra|poesia)\b/),
      fitTurn("Podes recomendar-me um livro?", "request", books),
    ],
  },
  {
    person: "Owen",
    personTimezone: "Europe/London",
    agent: {
      name: "Freya Lund",
      homeCity: "Bristol",
      country: "United Kingdom",
      occupation: "tattoo artist",
      timezone: "Europe/London",
      interests: ["climbing", "punk records", "tarot"],
      summary: "A dry-humoured tattoo artist with a studio on Stokes Croft.",
      backstory: "Apprenticed in Copenhagen before coming home to Bristol.",
    },
    startsAt: "2026-12-05T19:00:00Z",
    turns: [
      turn("Hey Freya, how was your day?", "about-agent"),
      turn("My train got cancelled again", "small-talk"),
      fitTurn("that's very c'est la vie", "small-talk", english),
      fitTurn("I'm going to kyoto next week", "small-talk", /Kyoto/),
      fitTurn(
        "Je suis très fatigué ce soir, la journée était longue",
        "feeling",
        /\b(?:repose|fatigue|longue)\b/i,
      ),
    ],
  },
];
