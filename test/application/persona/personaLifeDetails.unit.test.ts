import { describe, expect, it } from "vitest";
import { starterAgents } from "../../../src/application/agents/starterAgents.ts";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

type Agent = {
  name: string;
  persona: (typeof starterAgents)[number]["persona"];
  identity: (typeof starterAgents)[number]["identity"];
};

const others: Agent[] = ["Ada", "Bruno", "Chloe", "Dev", "Elif", "Farah", "Goran", "Hana", "Ivo"].map(
  (name, i) => ({
    name,
    persona: { ...starterAgents[i % 3]!.persona },
    identity: { ...starterAgents[i % 3]!.identity, homeCity: ["Oslo", "Lima", "Cork"][i % 3]! },
  }),
);
const agents: Agent[] = [...starterAgents, ...others];

function answers(agent: Agent, personMessage: string, seeds = 6, lore: readonly string[] = []): string[] {
  const input = miaInput({
    persona: { ...agent.persona, name: agent.name, selfDescribesAsAI: false },
    identity: { ...agent.identity, country: agent.identity.country ?? "" },
    memories: [],
    lifeEvents: [],
    personMessage,
  });
  const built = buildReplyPrompt(input).context;
  const context = {
    ...built,
    lore: [
      ...(built.lore ?? []),
      ...lore.map((content) => ({ content, position: "afterCharacter" as const })),
    ],
  };
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const petOf = (text: string) => /I have an? (\w+) called (\w+)/.exec(text)?.slice(1, 3).join(" ") ?? null;

describe("the small facts of an agent's life", () => {
  it("differ from one agent to the next, and hold for each agent on every turn", () => {
    const pets = agents.map((agent) => {
      const said = answers(agent, "Do you have any pets?").map(petOf);
      expect(new Set(said).size, agent.name).toBe(1);
      return said[0];
    });
    const owners = pets.filter((pet) => pet !== null);
    expect(owners.length).toBeGreaterThan(2);
    expect(owners.length).toBeLessThan(agents.length);
    expect(new Set(owners).size).toBeGreaterThan(owners.length / 2);
    const siblings = agents.map((agent) => answers(agent, "Do you have siblings?", 1)[0]!.split(/[.!?]/)[0]);
    expect(new Set(siblings).size).toBeGreaterThan(3);
  });

  it("names the same pet when asked what it is called", () => {
    for (const agent of agents) {
      const pet = petOf(answers(agent, "Do you have a pet?", 1)[0]!);
      const called = answers(agent, "What's your pet called?", 3);
      for (const text of called)
        if (pet) expect(text, agent.name).toContain(pet.split(" ")[1]);
        else expect(text, agent.name).toMatch(/No pets/);
    }
  });

  it("keeps the pet its lorebook or its story names, described or not, instead of making one up", () => {
    const lore = "Aiko has a grey cat named Mochi who sleeps in the shop window.";
    for (const agent of agents) {
      for (const text of answers(agent, "Tell me about your cat.", 4, [lore])) {
        expect(text, agent.name).toMatch(/\bMochi\b/);
        expect(text, agent.name).not.toMatch(/No (?:cat|pets)/);
      }
      const told = { ...agent, persona: { ...agent.persona, backstory: "She lives with her old dog Rex." } };
      for (const text of answers(told, "Do you have a pet?", 4)) expect(text, agent.name).toMatch(/\bRex\b/);
    }
  });
});
