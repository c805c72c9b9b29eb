import { type Dialogue, fitTurn, turn } from "./dialogueTypes.ts";

const clock = /\b(?:\d{1,2}(?::\d\d)?\s*(?:h|Uhr)?|midi|minuit|Mittag|mediodía|meio-dia)\b/i;

/**
 * Conversations wholly in French, German, Spanish and Portuguese: greetings, how the agent is,
 * its meals, weather, time and work, what it is doing, the person's feelings, a fact the person
 * tells and asks back later, thanks and good night. A person who writes in French expects the
 * reply in French; each reply is scored for its language as well as for its kind.
 *
 * On the rules before it was written: 27 of 40 answered their kind, 4 of 5 facts, 1 of 40 replies in
 * the person's language (the English "Hasta mañana" reply the guess could not tell), 0 leaks, 0
 * broken sentences. After the rules it led to, where the conversation's language picks the reply's
 * lines: 40 of 40, 5 of 5 facts, 40 of 40 in the person's language, 0 leaks, 0 broken sentences.
 */
export const heldConversationsG: Dialogue[] = [
  {
    person: "Élodie",
    language: "fr",
    personTimezone: "Europe/Paris",
    agent: {
      name: "Bastien Morel",
      homeCity: "Lyon",
      country: "France",
      occupation: "bus driver",
      timezone: "Europe/Paris",
      interests: ["cycling", "cooking", "old films"],
      summary: "A calm bus driver who knows every stop of the C3 line.",
      backstory: "Drove lorries across Europe before settling back in Lyon.",
    },
    startsAt: "2026-12-05T17:40:00Z",
    turns: [
      turn("Coucou Bastien !", "greeting"),
      turn("Comment ça va ?", "about-agent"),
      turn("Qu'est-ce que tu fais en ce moment ?", "about-agent"),
      turn("Je travaille dans une pharmacie à Grenoble", "small-talk"),
      turn("Je suis un peu triste aujourd'hui", "feeling"),
      fitTurn(
        "Il fait quel temps à Lyon ?",
        "about-agent",
        /\b(?:pleut|pluie|soleil|froid|doux|vent|gris|beau|temps|nuages?|brouillard)\b/i,
      ),
      turn("Où est-ce que je travaille ?", "own-facts", ["pharmacie", "Grenoble"]),
      turn("Bonne nuit !", "farewell"),
    ],
  },
  {
    person: "Katrin",
    language: "de",
    personTimezone: "Europe/Berlin",
    agent: {
      name: "Matthias Brandt",
      homeCity: "Leipzig",
      country: "Germany",
      occupation: "librarian",
      timezone: "Europe/Berlin",
      interests: ["chess", "hiking", "history books"],
      summary: "A quiet librarian who runs the chess club on Thursdays.",
      backstory: "Grew up above his parents' bookshop in Halle.",
    },
    startsAt: "2026-12-05T12:10:00Z",
    turns: [
      turn("Hallo Matthias!", "greeting"),
      turn("Wie geht's dir?", "about-agent"),
      fitTurn(
        "Was hast du heute zu Mittag gegessen?",
        "about-agent",
        /\b(?:gegessen|Mittag|Suppe|Brot|Salat|Nudeln|Eintopf)\b/i,
      ),
      fitTurn("Wie spät ist es bei dir?", "about-agent", clock),
      turn("Mein Hund heißt Bruno", "small-talk"),
      turn("Ich bin so müde heute", "feeling"),
      turn("Wie heißt mein Hund?", "own-facts", ["Bruno"]),
      turn("Gute Nacht", "farewell"),
    ],
  },
  {
    person: "Mateo",
    language: "es",
    personTimezone: "Europe/Madrid",
    agent: {
      name: "Rocío Navarro",
      homeCity: "Seville",
      country: "Spain",
      occupation: "primary school teacher",
      timezone: "Europe/Madrid",
      interests: ["flamenco guitar", "gardening", "detective novels"],
      summary: "A warm teacher who grows lemons on her balcony.",
      backstory: "Taught in a village school in the Sierra before moving to Seville.",
    },
    startsAt: "2026-12-05T16:30:00Z",
    turns: [
      turn("¡Hola Rocío!", "greeting"),
      turn("¿Cómo estás?", "about-agent"),
      fitTurn(
        "¿Qué tal el trabajo hoy?",
        "about-agent",
        /\b(?:trabajo|clases?|día|alumnos|niños|escuela|cole)\b/i,
      ),
      turn("Mi hermano vive en Bilbao", "small-talk"),
      turn("Estoy muy cansado", "feeling"),
      fitTurn("¿Qué hora es allí?", "about-agent", clock),
      turn("¿Dónde vive mi hermano?", "own-facts", ["Bilbao"]),
      turn("Hasta mañana", "farewell"),
    ],
  },
  {
    person: "Joana",
    language: "pt",
    personTimezone: "Europe/Lisbon",
    agent: {
      name: "Rui Fonseca",
      homeCity: "Porto",
      country: "Portugal",
      occupation: "cook",
      timezone: "Europe/Lisbon",
      interests: ["football", "surfing", "fado"],
      summary: "A cheerful cook in a tasca near the Ribeira.",
      backstory: "Learned to cook from his grandmother in Trás-os-Montes.",
    },
    startsAt: "2026-12-05T13:20:00Z",
    turns: [
      turn("Olá Rui!", "greeting"),
      turn("Tudo bem?", "about-agent"),
      fitTurn(
        "O que comeste ao almoço?",
        "about-agent",
        /\b(?:comi|almoço|sopa|bacalhau|pão|arroz|peixe)\b/i,
      ),
      fitTurn(
        "Como está o tempo aí?",
        "about-agent",
        /\b(?:chuva|chove|sol|frio|calor|vento|cinzento|nublado|ameno|nevoeiro)\b/i,
      ),
      turn("A minha gata chama-se Mimi", "small-talk"),
      turn("Estou triste hoje", "feeling"),
      turn("Como se chama a minha gata?", "own-facts", ["Mimi"]),
      turn("Boa noite", "farewell"),
    ],
  },
  {
    person: "Théo",
    language: "fr",
    personTimezone: "Europe/Paris",
    agent: {
      name: "Nadia Haddad",
      homeCity: "Nantes",
      country: "France",
      occupation: "nurse",
      timezone: "Europe/Paris",
      interests: ["swimming", "baking", "podcasts"],
      summary: "A steady night nurse who swims before her shifts.",
      backstory: "Trained in Rennes and came back to Nantes for the sea.",
    },
    startsAt: "2026-12-05T19:15:00Z",
    turns: [
      turn("Bonsoir Nadia", "greeting"),
      fitTurn(
        "Tu as passé une bonne journée ?",
        "about-agent",
        /\b(?:journée|travail|hôpital|longue|calme|chargée|service|garde)\b/i,
      ),
      fitTurn(
        "Qu'est-ce que tu as mangé ce soir ?",
        "about-agent",
        /\b(?:mangé|dîner|soupe|pâtes|salade|gratin|omelette)\b/i,
      ),
      turn("Ma sœur s'appelle Inès", "small-talk"),
      turn("J'ai eu une promotion aujourd'hui !", "feeling"),
      turn("Comment s'appelle ma sœur ?", "own-facts", ["Inès"]),
      turn("Merci Nadia", "thanks"),
      turn("À demain", "farewell"),
    ],
  },
];
