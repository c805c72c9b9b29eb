import { describe, expect, it } from "vitest";
import { templateAgentGenerator } from "../../../src/application/agents/templateAgentGenerator.ts";

const ageOf = async (prompt: string) => {
  const draft = await templateAgentGenerator.generate({ prompt, appearancePrompt: prompt });
  return Number(/^[^,]+, (\d{2,3}),/.exec(draft.persona.summary)?.[1]);
};

/** An age the description implies in words is the age the agent gets. */
describe("an agent's age follows the description's words for it", () => {
  it.each([
    "an elderly fisherman from a small village in Norway",
    "a grumpy old man who runs a bookshop in Porto",
    "a senior citizen in Lyon who paints watercolours",
    "an old lady in Vienna who bakes every Sunday",
  ])("%s: 65 or older", async (prompt) => {
    expect(await ageOf(prompt)).toBeGreaterThanOrEqual(65);
  });

  it.each(["a middle-aged taxi driver in Athens", "a middle-aged woman who runs a bakery in Lille"])(
    "%s: 40 to 59",
    async (prompt) => {
      const age = await ageOf(prompt);
      expect(age).toBeGreaterThanOrEqual(40);
      expect(age).toBeLessThan(60);
    },
  );

  it.each(["a young chef in Madrid", "a young woman who sells flowers in Quito"])(
    "%s: under 30",
    async (prompt) => {
      expect(await ageOf(prompt)).toBeLessThan(30);
    },
  );

  it("'loves old films' says nothing about the agent's age", async () => {
    expect(await ageOf("a baker in Lyon who loves old films")).toBeLessThan(45);
  });
});

describe("the occupation a description names", () => {
  it.each([
    ["a nonbinary barista in Reykjavik who writes poetry", "barista"],
    ["a deaf potter in Kyoto", "potter"],
    ["a trans librarian in Montreal", "librarian"],
  ])("%s: %s", async (prompt, occupation) => {
    const draft = await templateAgentGenerator.generate({ prompt, appearancePrompt: prompt });
    expect(draft.identity.occupation).toBe(occupation);
  });
});
