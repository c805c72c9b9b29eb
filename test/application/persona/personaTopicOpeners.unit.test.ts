import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

const potter = {
  ...soundEngineer,
  name: "Ines Rocha",
  occupation: "potter",
  interests: ["birdwatching", "chess", "old films"],
};

describe("the person opens a topic ('let's talk about music', 'tell me about chess')", () => {
  it("is not taken as an invitation to meet, nor answered with a story of something else", async () => {
    for (const opener of [
      "let's talk about books",
      "can we chat about food?",
      "ok lets talk about games",
      "could we talk about birdwatching",
      "tell me about chess",
      "I wanna talk about gardening",
    ]) {
      const [reply] = await askAgent([opener], potter);
      expect(reply, opener).not.toMatch(
        /Tell me when|I'll be there|It's a plan|Count me in|a little story|don't know|look it up/i,
      );
    }
  });

  it("gets the agent's own taste in the thing and a question back", async () => {
    for (const [opener, taste] of [
      ["let's talk about books", /^\w[\w' ]+, mostly\./],
      ["can we chat about films?", /^\w[\w' ]+, mostly\./],
      ["tell me about birdwatching", /birdwatching/i],
      ["can we talk about chess", /chess/i],
      ["let's talk about gardening", /gardening/i],
    ] as const) {
      const [reply] = await askAgent([opener], potter);
      expect(reply, opener).toMatch(taste);
      expect(reply, opener).toMatch(/\?/);
    }
  });

  it("leaves a plan to do something together an invitation", async () => {
    const [reply] = await askAgent(["let's go birdwatching together sometime"], potter);
    expect(reply).not.toMatch(/mostly\.|I think birdwatching/i);
  });
});
