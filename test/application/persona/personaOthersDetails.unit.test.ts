import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const sympathy = /sorry|sounds (?:really )?hard|a lot to carry|I'm here/i;

describe("the offline engine on a name or an age told of someone just mentioned", () => {
  it("meets a child's name and age warmly, even after a hard first day", async () => {
    const [, leo] = await askAgent([
      "first day of school for my son today, he cried 😢",
      "his name is Léo, he's six",
    ]);
    expect(leo).toMatch(/Léo — (?:what a lovely name|I love that name)/);
    expect(leo).toMatch(/Six is such a lovely age/);
    expect(leo).not.toMatch(sympathy);
  });

  it("meets a newborn's name with the name, not the weather", async () => {
    const [, rose] = await askAgent(["my sister just had a baby girl!!", "her name is Rose"]);
    expect(rose).toMatch(/Rose — /);
    expect(rose).not.toMatch(/°C|Work today|Have you ever tried/);
  });

  it("meets an age told in a hard moment with care and a question about them", async () => {
    const [, age] = await askAgent(["my grandma is in hospital", "she's 91"]);
    expect(age).toMatch(/91 — she must be made of strong stuff/);
    expect(age).toMatch(/How is she doing today\?/);
  });
});
