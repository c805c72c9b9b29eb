import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("everyday lines read as what they are", () => {
  it("a British hello with a name, and a goodbye that ends on 'night'", () => {
    for (const hello of ["alright Owen", "alright, Sam!", "g'day", "wotcha Mira"])
      expect(readMessage(hello).kind, hello).toBe("greeting");
    for (const ack of ["alright then", "alright fine", "alright"])
      expect(readMessage(ack).kind, ack).not.toBe("greeting");
    for (const bye of ["cheers mate, night", "right, that was fun. night x", "gotta run, night all"])
      expect(readMessage(bye).kind, bye).toBe("farewell");
  });

  it("'you're a good friend' and its kin are compliments", () => {
    for (const kind of ["you're a good friend", "you are such a good listener", "you're a real mate"])
      expect(readMessage(kind).kind, kind).toBe("compliment");
  });

  it("a fight, a forgotten birthday and terror are bad feelings", () => {
    for (const hurt of [
      "my boyfriend and I had a fight",
      "we had a huge argument last night",
      "he forgot my birthday",
      "i'm terrified of flying",
    ])
      expect(readMessage(hurt).feeling, hurt).toBe("bad");
  });

  it("'should I be worried?' after a worry gets a measured answer, not 'only you can know'", async () => {
    for (const asked of ["should I be worried?", "is it serious?", "should i be concerned"]) {
      const [, reply] = await askAgent(["my dog keeps scratching his ears", asked]);
      expect(reply, asked).toMatch(/not from what you've told me/i);
      expect(reply, asked).not.toMatch(/only you can really know/i);
    }
  });
});

describe("a fear of doing something, and a mishap to things in the plural", () => {
  it("'terrified of flying' names the fear, as 'scared of spiders' does", async () => {
    for (const [said, fear] of [
      ["i'm terrified of flying", "flying"],
      ["honestly I'm scared of driving", "driving"],
      ["I'm afraid of spiders", "spiders"],
    ]) {
      const [reply] = await askAgent([said!]);
      expect(reply, said).toContain(fear!);
    }
  });

  it("asks after things in the plural with 'are'", async () => {
    const replies = await askAgent(["my arms were dead after climbing lol", "my new boots got soaked"]);
    for (const reply of replies) expect(reply).not.toMatch(/\bIs your \w+s okay\b/);
    expect(replies.join(" ")).toMatch(/\bAre your (?:arms|new boots) okay\b/);
  });
});

describe("'how's X going?' about something no rule knows", () => {
  it("is answered as something of the agent's own going fine, never 'look it up'", async () => {
    for (const asked of [
      "hows lambing going",
      "how's the new album coming along?",
      "how are the renovations going so far?",
    ]) {
      const [reply] = await askAgent([asked]);
      expect(reply, asked).toMatch(/going (?:well|fine)/i);
      expect(reply, asked).not.toMatch(/look it up|search|no idea/i);
    }
  });

  it("leaves 'how's your day going?' to its own answer", async () => {
    const [reply] = await askAgent(["how's your day going?"]);
    expect(reply).not.toMatch(/^Day is going/i);
  });
});
