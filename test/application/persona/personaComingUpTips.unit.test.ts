import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const noAnswer = /search|look it up|not sure|No idea|off the top of my head/i;

describe("tips asked for something the person is about to do", () => {
  it("a nervous first night shift gets caring, concrete tips about the shift", async () => {
    const [shift] = await askAgent(["I'm nervous about my first night shift tomorrow, any tips?"]);
    expect(shift).not.toMatch(noAnswer);
    expect(shift).toMatch(/nervous before your first night shift is normal/);
    expect(shift).toMatch(/sleep|meal|caffeine|done it a hundred times/);
  });

  it("an exam, an interview, a trip, a first day and a race each get tips fit for the thing", async () => {
    const replies = await askAgent([
      "I have an exam on friday, any tips?",
      "interview tomorrow, any tips?",
      "I'm going on a trip to Peru next week, any tips?",
      "first day at my new job tomorrow. tips?",
      "I'm training for a half marathon, any tips?",
    ]);
    const fit = [
      /your exam\b.*(question|sleep|main points|blank)/,
      /your interview\b.*(stories|question|early|pause)/,
      /your trip to Peru\b.*(passport|pack|first day|cash)/,
      /your first day at your new job\b.*(clothes|early|names|questions)/,
      /your half marathon\b.*(slowly|easy|shoes|rest days)/,
    ];
    for (const [i, reply] of replies.entries()) {
      expect(reply).not.toMatch(noAnswer);
      expect(reply).toMatch(fit[i]!);
    }
  });
});
