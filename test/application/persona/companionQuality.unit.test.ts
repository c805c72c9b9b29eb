import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("offline companion: remembers what it was told", () => {
  it("names the pet a person adopted, asked about as the animal or as a pet", async () => {
    const replies = await askAgent([
      "hi Mira",
      "we adopted a cat named Luna",
      "I work in a bakery",
      "what's my cat called?",
      "what's my pet's name?",
    ]);
    expect(replies[3]).toMatch(/\bLuna\b/);
    expect(replies[4]).toMatch(/\bLuna\b/);
    expect(replies[3]).not.toMatch(/\bwe adopted\b/i);
  });

  it("reads a follow-up as being about what the person mentioned before", async () => {
    const replies = await askAgent([
      "hey",
      "I have an exam tomorrow",
      "It's chemistry",
      "I also walked the dog",
      "my sister is visiting on Sunday",
      "What did I say my exam was about?",
    ]);
    expect(replies[5]).toMatch(/chemistry/i);
  });
});
