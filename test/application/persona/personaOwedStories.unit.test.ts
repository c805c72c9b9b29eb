import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const carpenter: Dialogue["agent"] = {
  name: "Tomasz Nowak",
  homeCity: "Kraków",
  country: "Poland",
  occupation: "carpenter",
  timezone: "Europe/Warsaw",
  interests: ["woodwork", "mountain hiking", "old radios"],
  summary: "A patient carpenter with rough hands and a soft voice.",
  backstory: "Learned the trade from his grandfather in Zakopane.",
};

describe("a story the agent has is told, not promised", () => {
  it("asked for its funniest moment, it tells it in the past tense, and it can be followed up", async () => {
    const [, funniest, scared] = await askAgent([
      "hi",
      "whats the funniest thing a musician ever said to you",
      "were you scared?",
    ]);
    expect(funniest).toMatch(/^The funniest thing\? /);
    expect(funniest).toMatch(/\bI was\b/);
    expect(funniest).not.toMatch(/long evening|still tell|said to\?/);
    expect(scared).toMatch(/Scared\?/);
  });

  it("held to a story it promised, it tells the one asked for, from its own past", async () => {
    const [, grandfather] = await askAgent(
      ["good morning", "you said you'd tell me about your grandfather"],
      carpenter,
      "2025-02-11T06:00:00Z",
    );
    expect(grandfather).toMatch(/the one about my grandfather/);
    expect(grandfather).toMatch(/I learned the trade from my grandfather in Zakopane/);
    expect(grandfather).not.toMatch(/your grandfather|waking up|sanding/);
    const [, , promised] = await askAgent([
      "hi",
      "what's the best concert you ever mixed?",
      "you promised me a story",
    ]);
    expect(promised).toMatch(/the one about the best concert/);
    expect(promised).toMatch(/years ago/);
  });
});
