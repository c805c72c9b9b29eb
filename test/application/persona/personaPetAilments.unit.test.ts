import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const vet: Dialogue["agent"] = { ...soundEngineer, name: "Amani", occupation: "veterinarian" };

describe("an animal's ailment", () => {
  it("is met with concern for the animal, by name, not advice for the person's own sickness", async () => {
    const replies = await askAgent(["my cat Momo keeps throwing up"]);
    expect(replies[0]).toMatch(/Oh no, poor Momo/);
    expect(replies[0]).not.toMatch(/drink lots of water|get some rest|feel better/i);
  });

  it("gets what to do about the animal when asked after it, and a vet speaks as one", async () => {
    const replies = await askAgent(["my cat Momo keeps throwing up", "what should i do?"], vet);
    expect(replies[0]).toMatch(/Speaking as a vet/);
    expect(replies[1]).toMatch(/call a vet/);
    expect(replies[1]).not.toMatch(/talk when you're both calm/);
  });
});
