import { describe, expect, it } from "vitest";
import { LexicalEmbedder } from "../../../../src/adapters/local/lexicalEmbedder.ts";
import type { ScriptedConversation } from "./conversations.ts";
import { measureRecall } from "./recallHarness.ts";

/**
 * Facts told the way people often open a chat: a name and a home town in one lower-case line,
 * places without an "I", and lines that start by addressing the agent. Each must come back, in a
 * line about it, when asked for later in other words.
 */
const introductions: ScriptedConversation = {
  person: "Lukas",
  agent: {
    name: "Aiko",
    homeCity: "Kyoto",
    country: "Japan",
    occupation: "Potter",
    timezone: "Asia/Tokyo",
  },
  opening: ["hey aiko"],
  facts: [
    { said: "i'm lukas from vienna", key: ["vienna"], question: "do you remember where I'm from?" },
    {
      said: "hi aiko 😊 my brother lives in Rome",
      key: ["brother", "Rome"],
      question: "which city does my brother live in again?",
    },
    { said: "Aiko, my sister is a nurse", key: ["sister", "nurse"], question: "what does my sister do?" },
    { said: "living in Graz now btw", key: ["Graz"], question: "where do I live these days?" },
  ],
  chat: ["the weather has been grey all week", "I made soup for dinner", "it was alright"],
};

describe("memory recall of facts told in an introduction", () => {
  it("brings back each of them when asked in other words", async () => {
    const [result] = await measureRecall(new LexicalEmbedder(), [introductions], "rules");
    expect(result!.misses).toEqual([]);
    expect(result!.inFactLine).toBe(introductions.facts.length);
  }, 300_000);
});
