import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("the offline engine on the last question asked again in another language or of another kind", () => {
  it("'and in Swedish?' after its favourite word names a word it loves in that language", async () => {
    const cases: [string, string, RegExp][] = [
      ["fave word?", "and in portuguese?", /saudade|cafuné/],
      ["whats your favourite word", "ok what about in Japanese?", /komorebi|tsundoku/],
      ["do you have a favourite word?", "and in dutch?", /gezellig/],
    ];
    for (const [first, then, word] of cases) {
      const [, reply] = await askAgent([first, then]);
      expect(reply, then).toMatch(word);
      expect(reply, then).not.toMatch(/don't know that one|look it up|have a favourite in/i);
    }
    const [, unknown] = await askAgent(["what's your favourite word?", "and in Quechua?"]);
    expect(unknown).toMatch(/^I don't know enough Quechua/);
  });

  it("'and <kind>?' after a favourite asks for its favourite of that kind", async () => {
    const [, reply] = await askAgent(["what's your favourite film?", "and book?"]);
    expect(reply).not.toMatch(/don't know that one|look it up/i);
    expect(reply).toMatch(/^(?:Probably|Easy|"|[A-Z])/);
    const [, then] = await askAgent(["how was your day?", "and then?"]);
    expect(then).not.toMatch(/favourite/i);
  });
});
