import { describe, expect, it } from "vitest";
import { properlyCapitalised } from "../../../src/application/persona/personaProperNames.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("names in a fact said back", () => {
  it("writes places, days, months, names and 'I' the way they are written properly", () => {
    const cases: [string, string][] = [
      ["you're flying to new york in two weeks", "you're flying to New York in two weeks"],
      ["you have an exam on friday", "you have an exam on Friday"],
      ["you're moving to buenos aires in may", "you're moving to Buenos Aires in May"],
      ["you're back from rome next week", "you're back from Rome next week"],
      ["you're visiting france in june", "you're visiting France in June"],
      ["your sister is called anna", "your sister is called Anna"],
      ["your friend tom is coming to glasgow", "your friend Tom is coming to Glasgow"],
      ["you said i'm late", "you said I'm late"],
    ];
    for (const [said, proper] of cases) expect(properlyCapitalised(said)).toBe(proper);
  });

  it("leaves words that only look like names alone", () => {
    for (const said of [
      "you may be going to bed early",
      "you're going to work in two weeks",
      "you're staying at home",
      "you took a bath in reading glasses",
      "your sister really is lovely",
    ])
      expect(properlyCapitalised(said)).toBe(said);
  });

  it("recalls a trip told in lower case with its place capitalised", async () => {
    const replies = await askAgent([
      "we're flying to new york in two weeks",
      "I have an exam on friday",
      "remember my trip?",
    ]);
    expect(replies[2]).toMatch(/you're flying to New York in two weeks/);
  });
});
