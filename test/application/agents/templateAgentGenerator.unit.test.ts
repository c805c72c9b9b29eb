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
