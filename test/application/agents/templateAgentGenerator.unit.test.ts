import { describe, expect, it } from "vitest";
import { templateAgentGenerator } from "../../../src/application/agents/templateAgentGenerator.ts";
import { checkIdentity, checkPersona } from "../../../src/domain/agent/profileRules.ts";

describe("template agent generator", () => {
  it("fills in a persona and identity the domain accepts, from the prompt's own words", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "a shy barista in Berlin who loves reading",
      appearancePrompt: "red hair",
    });
    expect(draft.identity).toMatchObject({
      homeCity: "Berlin",
      timezone: "Europe/Berlin",
      occupation: "barista",
    });
    expect(draft.persona.traits).toContain("shy");
    expect(draft.persona.interests).toContain("reading");
    expect(() => checkPersona(draft.persona)).not.toThrow();
    expect(() => checkIdentity(draft.identity)).not.toThrow();
  });

  it("gives the same agent for the same prompt, and keeps what the operator gave", async () => {
    const request = { prompt: "someone calm", appearancePrompt: "tall" };
    expect(await templateAgentGenerator.generate(request)).toEqual(
      await templateAgentGenerator.generate(request),
    );
    const identity = { homeCity: "Quito", occupation: "guide", timezone: "America/Guayaquil" };
    const kept = await templateAgentGenerator.generate({ ...request, name: "Ana", identity });
    expect(kept).toMatchObject({ name: "Ana", identity });
  });
});

describe("template agent generator: the agent's origin and business", () => {
  it("gives a nationality's agent a fitting name and a backstory that starts there", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "a Japanese nurse living in London",
      appearancePrompt: "",
    });
    expect(draft.identity).toMatchObject({ homeCity: "London", occupation: "nurse" });
    expect(["Yuna", "Aiko", "Haruka", "Emi", "Sakura", "Haruto", "Kenji", "Ren", "Takumi", "Sora"]).toContain(
      draft.name,
    );
    expect(draft.persona.summary).toMatch(/Japanese nurse/);
    expect(draft.persona.backstory).toMatch(/grew up in Japan and moved to London/);
  });

  it("keeps the business the agent runs in its occupation", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "a Brazilian chef who runs a food truck in Sydney",
      appearancePrompt: "",
    });
    expect(draft.identity.occupation).toBe("chef who runs a food truck");
    expect(draft.persona.interests).toContain("Brazilian food");
  });

  it("says nothing of moving when the agent lives in its own country", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "a French baker in Paris",
      appearancePrompt: "",
    });
    expect(draft.persona.backstory).not.toMatch(/moved to/);
    expect(draft.persona.summary).toMatch(/French baker in Paris/);
  });
});

describe("template agent generator: origins said in other ways", () => {
  it("reads a nationality before a business ('Brazilian food truck chef') as the agent's", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "Brazilian food truck chef in Sydney",
      appearancePrompt: "",
    });
    expect(draft.identity.occupation).toBe("food truck chef");
    expect(draft.persona.backstory).toMatch(/grew up in Brazil/);
  });

  it("takes a hyphenated heritage's names, but no move from abroad", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "Mexican-American teacher in Los Angeles",
      appearancePrompt: "",
    });
    expect(draft.persona.summary).toMatch(/Mexican-American teacher/);
    expect(draft.persona.backstory).not.toMatch(/moved to/);
    expect([
      "Lucía",
      "Carmen",
      "Sofía",
      "Valentina",
      "Elena",
      "Mateo",
      "Diego",
      "Javier",
      "Pablo",
      "Andrés",
    ]).toContain(draft.name);
  });

  it("does not take a liking for a cuisine as where the agent is from", async () => {
    const draft = await templateAgentGenerator.generate({
      prompt: "a chef in Lisbon who loves Brazilian food",
      appearancePrompt: "",
    });
    expect(draft.persona.backstory).not.toMatch(/grew up in Brazil/);
  });
});
