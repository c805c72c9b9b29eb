import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("someone's birthday to come, and an ache told earlier", () => {
  it("wishes a birthday ahead for someone who turns an age soon", async () => {
    const [named] = await askAgent(["my son Theo turns 10 next week!"]);
    const [unnamed] = await askAgent(["my nan turns ninety on friday"]);
    expect(named).toMatch(/10 — what a lovely age! Happy early birthday to Theo/);
    expect(unnamed).toMatch(/Ninety — what a lovely age! Happy early birthday to your nan/);
  });

  it("says which part hurts when asked what it was told", async () => {
    const [, , asked] = await askAgent([
      "ugh my neck is so sore today",
      "anyway how was your day?",
      "wait what's wrong with me again?",
    ]);
    expect(asked).toMatch(/^Your neck — you said it's been hurting/);
  });

  it("asks nothing unrelated after a thank-you", async () => {
    for (const thanks of ["ok thanks", "thank you!", "cheers for that", "thanks a lot"]) {
      const [reply] = await askAgent([thanks]);
      expect(reply, thanks).not.toMatch(/Have you ever tried|What about you\?/);
    }
  });
});
