import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("offline companion: questions about words", () => {
  const asked = [
    ["How do you say thank you in Japanese?", /“thank you” in Japanese/],
    ["can you translate 'good night' into Spanish?", /“good night” in Spanish/],
    ["how do you say hello in french", /“hello” in French/],
    ["what does 'serendipity' mean?", /what “serendipity” means/],
    ["What's the word for bye in Italian?", /“bye” in Italian/],
  ] as const;

  it("are read as questions, not as the thanks, greeting or goodbye they quote", () => {
    for (const [text] of asked) {
      const reading = readMessage(text);
      expect(reading.kind, text).toBe("small-talk");
      expect(reading.question, text).toBe("general");
      expect([reading.thanks, reading.farewell, reading.greeting], text).toEqual([false, false, false]);
    }
  });

  it("get an honest answer that names the words asked about", async () => {
    const replies = await askAgent(["hi", ...asked.map(([text]) => text)]);
    for (const [index, [text, names]] of asked.entries()) {
      const reply = replies[index + 1]!;
      expect(reply, text).toMatch(names);
      expect(reply, text).toMatch(/don't know|not sure/);
      expect(reply, text).not.toMatch(/anytime|sleep well|you're welcome|good night,/i);
    }
  });
});
