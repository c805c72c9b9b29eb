import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("“what kind?” after the agent spoke of something", () => {
  it("names a kind of what it spoke of, from its own interests where it can", async () => {
    const [, , games] = await askAgent(["hi", "do you play any games?", "what kind of game?"]);
    expect(games).toMatch(/board games|card games|chess|crosswords|video games/);
    expect(games).not.toMatch(/don't know|No idea|not sure/i);
    // Mira's interests include fado: the kind of music she likes is hers.
    const [, , music] = await askAgent(["hi", "what do you do for fun?", "what kind?"]);
    expect(music).toMatch(/^Fado, mostly/);
    const [, , book] = await askAgent(["hi", "do you have a favourite book?", "what kind of book is it?"]);
    expect(book).toMatch(/^It's an? [\w ]+, really/);
  });

  it("gives the same kind when asked again", async () => {
    const first = await askAgent(["hi", "do you play any games?", "what kind of game?"]);
    const again = await askAgent(["hey", "do you play games?", "what kind?"]);
    const kind = (reply: string) =>
      /— ([\w ]+?) now and then|^([\w ]+), mostly/.exec(reply)?.slice(1).find(Boolean);
    expect(kind(first[2]!)).toBeDefined();
    expect(kind(again[2]!)).toBe(kind(first[2]!));
  });
});
