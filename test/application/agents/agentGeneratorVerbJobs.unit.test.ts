import { describe, expect, it } from "vitest";
import { readPromptFacts } from "../../../src/application/agents/agentGeneratorFacts.ts";
import { templateAgentGenerator } from "../../../src/application/agents/templateAgentGenerator.ts";
import { rhythmFor } from "../../../src/domain/agent/dailyRhythm.ts";

const draft = (prompt: string) => templateAgentGenerator.generate({ prompt, appearancePrompt: "short" });

describe("an occupation from what the description says the person does", () => {
  it.each([
    ["An Italian grandmother who makes fresh pasta every Sunday", "home cook"],
    ["a guy in Lyon who fixes bikes", "bike mechanic"],
    ["She teaches yoga in Bali", "yoga teacher"],
    ["a quiet man who grows tomatoes on his allotment", "gardener"],
    ["a woman who makes furniture", "furniture maker"],
    ["a retired teacher who grows tomatoes", "retired teacher"],
  ])("%s → %s", async (prompt, occupation) => {
    expect(readPromptFacts(prompt).occupation).toBe(occupation);
    expect((await draft(prompt)).identity.occupation).toBe(occupation);
  });

  it("keeps a home cook at home rather than at an office", () => {
    expect(rhythmFor("home cook").kind).toBe("home");
  });
});

describe("a retired person or grandparent is given no job the description does not mention", () => {
  it.each(["a grandmother in Leeds who loves knitting", "a retired man who loves chess"])(
    "%s is retired",
    async (prompt) => {
      const agent = await draft(prompt);
      expect(agent.identity.occupation).toBe("retired");
      expect(agent.persona.summary).toMatch(/\bretiree\b/);
      expect(agent.persona.backstory).toMatch(/is retired now and has time for/);
      expect(agent.persona.backstory).not.toMatch(/working life as/);
    },
  );

  it("gives a grandparent the age of one", async () => {
    const agent = await draft("An Italian grandmother who makes fresh pasta every Sunday");
    expect(agent.persona.backstory).toMatch(/is (?:5[89]|[67]\d), grew up in Italy/);
  });
});
