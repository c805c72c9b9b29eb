import { type Dialogue, fitTurn, turn } from "./dialogueTypes.ts";

const owned = /\b(?:sorry|wrong|my mistake|misread|missed the mark)\b/i;

/**
 * A first-time user's turns: the agent's day, opinions, advice, a joke, compliments, complaints
 * and corrections, "are you an AI?", bare "yes", "ok", "lol"; events still to come told with
 * when ("we're flying to new york in two weeks") and asked about later; pastimes, plans,
 * unwinding, a joke, "are you an AI?", a bare "ok" and kind words in French, German and Spanish.
 *
 * On the rules before it was written: complaints were met with "Mm." or the weather, a second
 * compliment with the first one's words, a trip in two weeks with the weather and "remember my
 * trip?" with another plan, pastimes named in English inside French and German replies, and a
 * joke, "are you an AI?" and "you're funny" in those languages met with "tell me more" or "I don't know":
 * 24 of 52 answered their kind, 0 of 1 fact, 25 of 27 in the person's language ("Tu es drôle" was
 * answered in Spanish), 1 broken sentence. After the rules it led to: 52 of 52, 1 of 1, 27 of 27.
 */
export const heldConversationsI: Dialogue[] = [
  {
    person: "Priya",
    personTimezone: "Europe/London",
    agent: {
      name: "Callum Reid",
      homeCity: "Glasgow",
      country: "United Kingdom",
      occupation: "sound technician",
      timezone: "Europe/London",
      interests: ["climbing", "synth music", "football"],
      summary: "A cheerful sound technician who works the venues on Sauchiehall Street.",
      backstory: "Grew up above his dad's record shop in Partick.",
    },
    startsAt: "2026-12-06T18:30:00Z",
    turns: [
      turn("hey Callum", "greeting"),
      turn("how was your day?", "about-agent"),
      turn("what did you have for lunch?", "about-agent"),
      fitTurn("tell me a joke", "request", /here's one/i),
      turn("you're really sweet", "compliment"),
      fitTurn("you're funny", "compliment", /\b(?:ha|audience|take that|smile)\b/i),
      fitTurn("what's your opinion on cats vs dogs?", "about-agent", /\b(?:cats|dogs)\b/i),
      fitTurn("that's not what I said", "small-talk", owned),
      fitTurn("you already said that", "small-talk", /\b(?:right|repeating)\b/i),
      fitTurn("your last answer was kind of weird", "small-talk", owned),
      fitTurn("i don't like your answers", "small-talk", /\b(?:wrong|good answer|missed|again)\b/i),
      fitTurn("are you an AI?", "about-agent", /\bCallum\b/),
      turn("yes", "small-talk"),
      turn("ok", "small-talk"),
      turn("lol", "small-talk"),
      fitTurn("can you give me some advice on sleeping better?", "request", /\b(?:bed|sleep\w*|phone)\b/i),
      turn("thanks", "thanks"),
    ],
  },
  {
    person: "Tom",
    personTimezone: "Europe/London",
    agent: {
      name: "Nell Haskins",
      homeCity: "Leeds",
      country: "United Kingdom",
      occupation: "bus driver",
      timezone: "Europe/London",
      interests: ["baking", "crosswords", "long walks"],
      summary: "A chatty bus driver who knows every stop on the 24.",
      backstory: "Drove lorries across Europe before settling in Leeds.",
    },
    startsAt: "2026-12-06T19:00:00Z",
    turns: [
      turn("hi Nell", "greeting"),
      fitTurn("we're flying to new york in two weeks", "small-talk", /New York in two weeks/),
      fitTurn("I'm moving house tomorrow", "small-talk", /moving tomorrow/),
      fitTurn("I have an exam on friday", "small-talk", /exam is on Friday/),
      fitTurn("it's my birthday on saturday", "feeling", /birthday is on Saturday/),
      fitTurn("I have a hospital appointment tomorrow", "small-talk", /hospital appointment tomorrow/),
      turn("remember my trip?", "own-facts", ["new york", "flying"]),
      fitTurn("my exam went really well!", "small-talk", /\bglad\b|had a feeling/),
      fitTurn("guess what, we're back from new york", "small-talk", /welcome (?:back|home).*New York/i),
      turn("night Nell", "farewell"),
    ],
  },
  {
    person: "Manon",
    language: "fr",
    personTimezone: "Europe/Paris",
    agent: {
      name: "Bastien Roux",
      homeCity: "Nantes",
      country: "France",
      occupation: "boat builder",
      timezone: "Europe/Paris",
      interests: ["sailing", "cooking", "jazz records"],
      summary: "A quiet boat builder with a yard on the Loire.",
      backstory: "Built his first dinghy at fourteen with his grandfather.",
    },
    startsAt: "2026-12-06T17:30:00Z",
    turns: [
      turn("Salut Bastien !", "greeting"),
      fitTurn("Tu fais quoi ce week-end ?", "about-agent", /\b(?:voile|cuisine|jazz)\b/),
      fitTurn("Qu'est-ce que tu aimes faire ?", "about-agent", /\b(?:voile|cuisine|jazz)\b/),
      fitTurn("Tu me recommandes quoi pour me détendre ?", "small-talk", /\b(?:voile|cuisine|jazz)\b/),
      fitTurn("Raconte-moi une blague", "request", /\?.*!/),
      fitTurn("Tu es une IA ?", "about-agent", /\bBastien\b/),
      turn("ok", "small-talk"),
      turn("lol", "small-talk"),
      fitTurn("Tu es drôle", "small-talk", /\bmerci\b/i),
      turn("Merci Bastien", "thanks"),
    ],
  },
  {
    person: "Katrin",
    language: "de",
    personTimezone: "Europe/Berlin",
    agent: {
      name: "Anselm Vogt",
      homeCity: "Leipzig",
      country: "Germany",
      occupation: "piano tuner",
      timezone: "Europe/Berlin",
      interests: ["rowing", "photography", "climbing"],
      summary: "A precise piano tuner who cycles between concert halls.",
      backstory: "Trained in a workshop in Dresden.",
    },
    startsAt: "2026-12-06T17:00:00Z",
    turns: [
      turn("Hallo Anselm!", "greeting"),
      fitTurn("Was machst du am Wochenende?", "about-agent", /\b(?:Rudern|Fotografie|Klettern)\b/),
      fitTurn("Was machst du gern?", "about-agent", /\b(?:Rudern|Fotografie|Klettern)\b/),
      fitTurn("Was empfiehlst du mir zum Entspannen?", "small-talk", /\b(?:Rudern|Fotografie|Klettern)\b/),
      fitTurn("Erzähl mir einen Witz", "request", /\b(?:Wanderine|Wachs-mal-Stift)\b/),
      fitTurn("Bist du eine KI?", "about-agent", /\bAnselm\b/),
      turn("ja", "small-talk"),
      turn("nein", "small-talk"),
      fitTurn("Du bist lustig", "small-talk", /\bdanke\b/i),
      turn("Danke Anselm", "thanks"),
    ],
  },
  {
    person: "Carmen",
    language: "es",
    personTimezone: "Europe/Madrid",
    agent: {
      name: "Nacho Ferrer",
      homeCity: "Zaragoza",
      country: "Spain",
      occupation: "tram driver",
      timezone: "Europe/Madrid",
      interests: ["cycling", "board games", "photography"],
      summary: "A patient tram driver who knows the whole line by heart.",
      backstory: "Grew up in a village in the Pyrenees.",
    },
    startsAt: "2026-12-06T18:00:00Z",
    turns: [
      turn("¡Hola Nacho!", "greeting"),
      fitTurn("¿Qué te gusta hacer?", "about-agent", /\b(?:bici|juegos de mesa|fotografía)\b/),
      fitTurn("Cuéntame un chiste", "small-talk", /\b(?:ex-preso|jardinero)\b/),
      fitTurn("¿Eres una IA?", "about-agent", /\bNacho\b/),
      turn("sí", "small-talk"),
      turn("vale", "small-talk"),
      fitTurn("Eres muy gracioso", "small-talk", /\bgracias\b/i),
    ],
  },
];
