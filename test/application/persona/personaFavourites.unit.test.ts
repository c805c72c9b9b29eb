import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("the offline engine's own favourites and picks", () => {
  it("names a favourite flower, from its own interests where one is a flower", async () => {
    const [any] = await askAgent(["what's your favourite flower"]);
    expect(any).not.toMatch(/Hard to pick/);
    const gardener = { ...soundEngineer, interests: ["gardening", "roses", "fado"] };
    const [own] = await askAgent(["what's your favourite flower"], gardener);
    expect(own).toMatch(/roses/i);
  });

  it("recommends a song of the genre asked, not its own favourite kind", async () => {
    const [country] = await askAgent(["recommend me a country song"]);
    expect(country).toMatch(/Dolly Parton|Johnny Cash|Old Crow Medicine Show/);
    const [jazz] = await askAgent(["can you recommend a jazz song?"]);
    expect(jazz).toMatch(/Brubeck|Miles Davis|Coltrane/);
  });
});

describe("a favourite asked with its reason", () => {
  it("gives the reason with the pick, in the one sentence, when the question asks why", async () => {
    for (const asked of [
      "what's your favourite colour and why",
      "whats your favourite food and why?",
      "favourite album? and why",
    ]) {
      const [reply] = await askAgent([asked]);
      expect(reply, asked).toMatch(/^[^.]+, because [^.]+\./);
    }
  });

  it("names the kind of a recommendation, and reads “something to watch” as a film", async () => {
    const [film] = await askAgent(["recommend me a film"]);
    expect(film).toMatch(/\bfilm\b/);
    const [watch] = await askAgent(["recomend me something to watch"]);
    expect(watch).toMatch(/Spirited Away|Amélie|Before Sunrise|Budapest/);
  });

  it("recommends a book or film of the genre asked, said to be of it", async () => {
    const [crime] = await askAgent(["recommend me a crime novel"]);
    expect(crime).toMatch(
      /for a crime novel, my pick would be (?:The Murder of Roger Ackroyd|The Big Sleep|Gone Girl)/,
    );
    const [scary] = await askAgent(["recommend me a scary film"]);
    expect(scary).toMatch(/for a scary film, my pick would be (?:The Shining|Get Out|The Others)/);
  });

  it("reads “any good sci-fi movies you'd recommend?” as asking for a pick", async () => {
    expect(readMessage("any good sci-fi movies you'd recommend?").kind).toBe("request");
    expect(readMessage("know any good books you could suggest?").kind).toBe("request");
    const [scifi] = await askAgent(["any good sci-fi movies you'd recommend?"]);
    expect(scifi).toMatch(/my pick would be (?:Arrival|Blade Runner|Interstellar)/);
  });
});

describe("favourites of more kinds", () => {
  it("names a favourite season, film, city, word and smell, each of its kind", async () => {
    const cases: [string, RegExp][] = [
      ["what's your favourite season?", /autumn|spring|summer|winter/i],
      ["fave film?", /Spirited Away|Amélie|Before Sunrise|Budapest/],
      ["whats ur favourite city", /Kyoto|Naples|Edinburgh|Buenos Aires|Istanbul|Copenhagen/],
      ["what's your favourite word", /petrichor|serendipity|hygge|dawdle/i],
      ["what is your favourite smell?", /bread|rain|coffee|grass/i],
      ["favourite sound?", /rain|kettle|waves/i],
      ["what's your favourite dessert", /tiramisu|tart|ice cream|crumble/i],
    ];
    for (const [asked, kind] of cases) {
      const [reply] = await askAgent([asked]);
      expect(reply, asked).toMatch(kind);
      expect(reply, asked).not.toMatch(/Hard to pick/);
    }
  });

  it("its favourite city is one it goes to, not the one it lives in", async () => {
    const [reply] = await askAgent(["what's your favourite city to visit?"]);
    expect(reply).not.toMatch(/Lisbon/);
  });

  it("a kind it has no favourite of is named in an honest answer", async () => {
    const [reply] = await askAgent(["what's your favourite font?"]);
    expect(reply).toMatch(/favourite font/i);
  });
});
