import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

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
