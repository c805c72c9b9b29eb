import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import { guessLanguage } from "./dialogues/replyLanguage.ts";

describe("a foreign word or two in a conversation held in another language", () => {
  it("keeps answering in English after a 'gracias!', 'merci' or 'danke' in an English chat", async () => {
    for (const word of ["gracias!", "merci", "danke", "Merci beaucoup"]) {
      const replies = await askAgent(["hi, how was your day?", "I had a long day at work today", word]);
      expect(replies.at(-1)).not.toMatch(/\b(?:de nada|de rien|bitte|gern|avec plaisir|con gusto)\b/i);
      expect(replies.at(-1)).toMatch(/\b(?:you|your|the|it|I|my|of course|anytime|welcome)\b/i);
    }
  });

  it("answers a short message in its language when the latest messages were in it too", async () => {
    const replies = await askAgent(["hola, ¿cómo estás?", "gracias!"]);
    expect(replies.at(-1)).not.toMatch(/\b(?:you|the)\b/);
  });

  it("answers a first short message in its own language", async () => {
    const [reply] = await askAgent(["gracias!"]);
    expect(reply).not.toMatch(/\b(?:you|the)\b/);
  });
});

describe("a phrase of another language inside an English conversation", () => {
  it("keeps English over a short foreign phrase, and switches for a whole message in the language", async () => {
    for (const phrase of ["that's very c'est la vie", "so much dolce far niente", "honestly, très chic"]) {
      const replies = await askAgent(["hi, how was your day?", "my train got cancelled again", phrase]);
      expect(replies.at(-1), phrase).toMatch(/\b(?:you|your|the|it|I|my|that|and)\b/);
    }
    const replies = await askAgent([
      "hi, how was your day?",
      "Je suis très fatigué ce soir, la journée était longue",
    ]);
    expect(replies.at(-1)).toMatch(/\b(?:repose|fatigue|longue)\b/i);
  });
});

describe("a conversation in Italian", () => {
  it("is answered in Italian: greeting, how it is, the time, a fact told and asked back", async () => {
    const replies = await askAgent([
      "Ciao Mira!",
      "Come stai?",
      "Che ore sono lì?",
      "Il mio gatto si chiama Pippo",
      "Come si chiama il mio gatto?",
      "Buona notte",
    ]);
    expect(replies[0]).toMatch(/^Ciao Sam!/);
    expect(replies[1]).toMatch(/\bE tu\b/);
    expect(replies[2]).toMatch(/\bsono le \d{1,2}:\d\d\b/);
    expect(replies[4]).toMatch(/Pippo/);
    expect(replies[5]).toMatch(/buona notte|a domani/i);
  });
});

describe("words that two languages share", () => {
  it("keeps a Portuguese chat in Portuguese through one 'sei lá' after another", async () => {
    const replies = await askAgent([
      "olá Mira",
      "tudo bem?",
      "sei lá",
      "sei lá, talvez",
      "não sei",
      "sei lá o que dizer",
    ]);
    for (const reply of replies) expect(["pt", null], reply).toContain(guessLanguage(reply));
  });
});
