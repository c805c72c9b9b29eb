import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("nerves before something coming up", () => {
  it("the person's own dread is met as dread, and “any advice?” is about what they dread", async () => {
    const [, dread, advice] = await askAgent([
      "hi",
      "i have a presentation at work on thursday and i'm dreading it",
      "any advice?",
    ]);
    expect(dread).toMatch(/normal to dread something that matters|Nerves before something like that/);
    expect(dread).not.toMatch(/big news|excit|look forward/i);
    expect(advice).toMatch(/out loud|first two sentences/);
  });

  it("someone else's nerves before a big day are met kindly, about them", async () => {
    const [, nervous] = await askAgent([
      "hi",
      "my daughter Lucía has her first day at a new school tomorrow and she's nervous",
    ]);
    expect(nervous).toMatch(/big day for your daughter/);
    expect(nervous).toMatch(/What is she most nervous about/);
    expect(nervous).not.toMatch(/What happened\?/);
  });

  it("bare nerves just after telling of something coming up are nerves before it", async () => {
    for (const [told, nerves] of [
      ["my dentist appointment is at 4", "honestly I'm terrified"],
      ["hi, the audition is tomorrow morning", "ugh im so stressed"],
    ]) {
      const [, reply] = await askAgent([told!, nerves!]);
      expect(reply, nerves).toMatch(/nerves|got this|do great|prepare/i);
      expect(reply, nerves).not.toMatch(/What happened|talk about it/);
    }
  });
});
