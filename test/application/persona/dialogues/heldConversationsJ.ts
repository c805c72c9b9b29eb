import { type Dialogue, daysLater, fitTurn, turn } from "./dialogueTypes.ts";

/**
 * A person telling of their own days and pastimes ("I've been learning to paint lately", "I'm
 * reading Piranesi", "we got a new puppy", "I finally fixed my bike"); a Portuguese chat with one
 * "sei lá" after another and a pastime being learned; an exam told from Sydney on a morning that is still the evening before
 * in UTC, asked after on the Sydney day after it, not on its own.
 *
 * On the rules before it was written: the pastimes, the book, the series and the new pet were met
 * with the weather, "Evenings are my favourite part of the day" or "tell me more", the Portuguese
 * chat turned Italian after the third "sei lá", the exam was asked after on its own day, and a
 * hello that was one question became "How did the exam go?" alone: 12 of 25 answered their kind,
 * 4 of 8 in the person's language. After the rules it led to: 25 of 25, 7 of 8 (a bare "De nada!"
 * reads as Spanish as much as Portuguese).
 */
export const heldConversationsJ: Dialogue[] = [
  {
    person: "Leila",
    personTimezone: "Europe/London",
    agent: {
      name: "Rosalind Achterberg",
      homeCity: "Bristol",
      country: "United Kingdom",
      occupation: "baker",
      timezone: "Europe/London",
      interests: ["sourdough", "wild swimming", "board games"],
      summary: "An early-rising baker with a shop near the harbour.",
      backstory: "Learned to bake in her aunt's kitchen in Cardiff.",
    },
    startsAt: "2026-12-06T18:00:00Z",
    turns: [
      turn("hi Rosalind", "greeting"),
      fitTurn("I've been learning to paint lately", "small-talk", /\blearning to paint\b.*\?/),
      fitTurn("I'm reading Piranesi", "small-talk", /\bPiranesi\b.*\?/),
      fitTurn("I've been watching Severance", "small-talk", /\bSeverance\b.*\?/),
      fitTurn("we got a new puppy", "small-talk", /\bpuppy\b.*\?/),
      fitTurn("we moved into a new flat", "small-talk", /\b(?:settling in|like most)\b/),
      fitTurn("I finally fixed my bike", "small-talk", /\b(?:feel good|satisfying)\b.*\?/),
      fitTurn("I joined a climbing gym", "small-talk", /\bthe climbing gym\b/),
      fitTurn("I've been playing guitar again", "small-talk", /\bguitar\b.*\bback to it\?/),
      fitTurn("I got a raise today!", "small-talk", /\bCongratulations\b/),
      fitTurn("I've been gardening a lot", "small-talk", /\bgardening\b.*\?/),
      fitTurn("I'm reading a really good book right now", "small-talk", /\bWhat's it (?:about|called)\?/),
      turn("bye for now", "farewell"),
    ],
  },
  {
    person: "Joana",
    language: "pt",
    personTimezone: "Europe/Lisbon",
    agent: {
      name: "Duarte Pimentel",
      homeCity: "Porto",
      country: "Portugal",
      occupation: "tram driver",
      timezone: "Europe/Lisbon",
      interests: ["fishing", "football", "fado"],
      summary: "A cheerful tram driver on the line to Foz.",
      backstory: "Grew up in Ribeira above his uncle's café.",
    },
    startsAt: "2026-12-06T17:00:00Z",
    turns: [
      turn("Olá Duarte!", "greeting"),
      turn("Tudo bem?", "about-agent"),
      turn("sei lá", "small-talk"),
      turn("sei lá, talvez", "small-talk"),
      turn("não sei", "small-talk"),
      turn("sei lá o que dizer", "small-talk"),
      fitTurn("estou a aprender a pintar", "small-talk", /\bcomeçar\?$/),
      turn("Obrigada Duarte", "thanks"),
    ],
  },
  {
    person: "Mia",
    personTimezone: "Australia/Sydney",
    agent: {
      name: "Ewan Mackintosh",
      homeCity: "Edinburgh",
      country: "United Kingdom",
      occupation: "bookshop owner",
      timezone: "Europe/London",
      interests: ["poetry", "hill walking", "chess"],
      summary: "A bookish shop owner on the Royal Mile.",
      backstory: "Took the shop over from his grandmother.",
    },
    // Thursday 07:00 in Sydney, still Wednesday evening in UTC and in Edinburgh.
    startsAt: "2026-12-02T20:00:00Z",
    turns: [
      turn("hi Ewan", "greeting"),
      fitTurn("I have an exam tomorrow", "small-talk", /\bexam\b/),
      // Friday 13:00 in Sydney: the exam is today.
      daysLater(1.25, fitTurn("hey", "greeting", /^(?![\s\S]*How did the exam go)/)),
      daysLater(1, fitTurn("hello Ewan", "greeting", /How did the exam go\?/)),
    ],
  },
];
