import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("a short question that leans on what was just said", () => {
  it("'does it hurt?' asks about the thing, not how the person is", async () => {
    expect(readMessage("does it hurt a lot?").bodily).toBeNull();
    const replies = await askAgent([
      "im thinking about getting my first tattoo",
      "does it hurt a lot?",
      "hm",
    ]);
    expect(replies[1]).toMatch(/^A little, honestly/);
    for (const reply of replies.slice(1))
      expect(reply).not.toMatch(/poor you|sorry it hurts|eases off|I'm here/i);
  });

  it("'what was the hardest part?' after the agent's day is answered from its day", async () => {
    const replies = await askAgent(["how was your day?", "what was the hardest part?", "and the best part?"]);
    expect(replies[1]).toMatch(/^The last hour was the hardest\b/);
    expect(replies[2]).toMatch(/^The best part was\b/);
  });
});

describe("advice for a new parent", () => {
  it("is for them, with tips about the baby", async () => {
    const replies = await askAgent(["my wife is pregnant", "any advice for a first time dad?"]);
    expect(replies[1]).toMatch(/^My advice for a first time dad\? First, /);
    expect(replies[1]).toMatch(/baby|night feeds|help/);
  });
});
