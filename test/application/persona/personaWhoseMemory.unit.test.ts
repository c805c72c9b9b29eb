import { describe, expect, it } from "vitest";
import type { FactKind } from "../../../src/application/memory/factKinds.ts";
import { recallFor } from "../../../src/application/persona/personaMemory.ts";
import { readMemory } from "../../../src/application/persona/personaMemoryReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

const memory = (text: string, factKind: FactKind) => ({ text, score: 0.5, kind: "fact" as const, factKind });

describe("a pet or person that belongs to someone the person knows", () => {
  const memories = [
    memory("Sam's mum has a cat named Luna", "person"),
    memory("Sam has two cats, Miso and Tofu", "pet"),
    memory("Sam's sister has a dog called Rex", "person"),
  ];

  it("is read as theirs, not the person's", () => {
    expect(readMemory(memories[0]!, "Sam")).toMatchObject({ relation: "cat", name: "Luna", owner: "mum" });
    expect(readMemory(memory("Sam has a cat named Pixel", "pet"), "Sam").owner).toBeUndefined();
  });

  it("is not recalled for a question about the person's own", () => {
    for (const asked of ["what are my cats called?", "whats the name of my cat", "what are my cats' names?"])
      expect(recallFor(asked, memories, "Sam", true)?.spoken, asked).toMatch(/Miso and Tofu/);
    expect(recallFor("what's my mum's cat called?", memories, "Sam", true)?.name).toBe("Luna");
  });

  it("is said to be theirs in the conversation", async () => {
    const replies = await askAgent([
      "hi",
      "I have two cats, Miso and Tofu",
      "my mum has a cat named Luna",
      "my sister has a dog called Rex",
      "what are my cats called?",
      "what's my dog called?",
    ]);
    expect(replies[1]).toMatch(/Miso and Tofu/);
    expect(replies[1]).not.toMatch(/What's the cat's name/);
    expect(replies[4]).toMatch(/Miso and Tofu/);
    expect(replies[4]).not.toMatch(/Luna/);
    expect(replies[5]).toMatch(/your sister's dog/);
  });
});
