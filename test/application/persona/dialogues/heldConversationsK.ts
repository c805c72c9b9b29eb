import { type Dialogue, daysLater, fitTurn, turn } from "./dialogueTypes.ts";

/**
 * A demanding person who tests whether the agent reads the moment: a good morning sent in the
 * agent's evening and a good night at noon, happy news told flatly, an interview told and asked
 * after once its day is over, "what time is it there?"; a Portuguese chat full of "obrigado",
 * "de nada" and "me conta mais" with a new job and a move told in it; a Spanish chat with an
 * engagement, a new pet and a good night wished at midday. Later turns: the person's own hour
 * ("it's morning for me, I just woke up") and their own "de nada" after the agent's thanks.
 *
 * On the rules before it was written: the good morning was met with a plain "Good evening", the
 * good night at noon with "sleep well", happy news opened with "Oh, okay.", "me conta mais" was
 * answered in English and news in Portuguese or Spanish with "tell me more". After the rules it
 * led to: 21 of 21 answered their kind, 12 of 12 in the person's language. The later turns were
 * met, before their rules, with "Evenings are my favourite part of the day" and "Estou a ver.
 * Conta-me mais?".
 */
export const heldConversationsK: Dialogue[] = [
  {
    person: "Priya",
    personTimezone: null,
    agent: {
      name: "Tomasz Wierzbicki",
      homeCity: "Kraków",
      country: "Poland",
      occupation: "violin maker",
      timezone: "Europe/Warsaw",
      interests: ["woodcarving", "jazz", "mushroom foraging"],
      summary: "A patient violin maker with a workshop near the old town.",
      backstory: "Learned the craft from his uncle in Zakopane.",
    },
    // Wednesday 20:00 in Kraków.
    startsAt: "2026-12-02T19:00:00Z",
    turns: [
      fitTurn("good morning!", "greeting", /^Good morning\? It's evening here — good evening, Priya!/),
      fitTurn(
        "haha it's morning for me, I just woke up",
        "small-talk",
        /^Morning to you, then, Priya! Here it's evening\. Did you sleep well\?/,
      ),
      fitTurn("we got a puppy", "small-talk", /^(?!(?:Mm|Ah|Oh, okay)\b)[\s\S]*\bpuppy\b/),
      fitTurn("I have a job interview on friday", "small-talk", /\binterview\b/),
      fitTurn("what time is it there?", "about-agent", /\b\d{1,2}[:.]\d{2}\b|\bo'clock\b/),
      turn("ok, bye for now", "farewell"),
      // Saturday: the interview was the day before.
      daysLater(3, fitTurn("hi Tomasz", "greeting", /How did the job interview go\?/)),
      fitTurn(
        "it went really well!",
        "small-talk",
        /glad the interview went well|had a feeling the interview would go well/,
      ),
      daysLater(1, fitTurn("hello again", "greeting", /^(?![\s\S]*How did the job interview go)/)),
    ],
  },
  {
    person: "Beatriz",
    language: "pt",
    personTimezone: "Europe/Lisbon",
    agent: {
      name: "Inês Carvalhal",
      homeCity: "Coimbra",
      country: "Portugal",
      occupation: "librarian",
      timezone: "Europe/Lisbon",
      interests: ["poetry", "cycling", "ceramics"],
      summary: "A quiet librarian at the old university library.",
      backstory: "Grew up in Aveiro by the canals.",
    },
    startsAt: "2026-12-06T15:00:00Z",
    turns: [
      turn("Olá Inês!", "greeting"),
      fitTurn("consegui um emprego novo", "small-talk", /\bparabéns|boa notícia/i),
      turn("Obrigado!", "thanks"),
      fitTurn("De nada!", "small-talk", /^(?!Estou a ver)[\s\S]*«consegui um emprego novo»/),
      fitTurn("mudei para o Porto", "small-talk", /\bPorto\b/),
      turn("me conta mais", "small-talk"),
      fitTurn("bom dia!", "greeting", /^Bom dia\? Onde estás é de tarde — boa tarde, Beatriz!/),
    ],
  },
  {
    person: "Lucía",
    language: "es",
    personTimezone: "Europe/Madrid",
    agent: {
      name: "Rafael Ortuño",
      homeCity: "Valencia",
      country: "Spain",
      occupation: "ceramicist",
      timezone: "Europe/Madrid",
      interests: ["paella", "sailing", "flamenco"],
      summary: "A ceramicist with a kiln by the sea.",
      backstory: "Took over his grandmother's pottery in Manises.",
    },
    // 13:00 in Madrid.
    startsAt: "2026-12-06T12:00:00Z",
    turns: [
      turn("¡Hola Rafael!", "greeting"),
      fitTurn("¡me comprometí!", "small-talk", /Enhorabuena/),
      fitTurn("adoptamos un perro", "small-talk", /mascota/),
      turn("gracias", "thanks"),
      fitTurn("¡de nada!", "small-talk", /«adoptamos un perro»/),
      fitTurn("buenas noches", "farewell", /^¿Buenas noches\? Donde estás tú todavía es por la tarde/),
    ],
  },
];
