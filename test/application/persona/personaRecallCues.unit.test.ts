import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("the offline companion recalls the fact worded as the answer", () => {
  it("where the person is from, not where they live now, and the other way round", async () => {
    const replies = await askAgent([
      "hi",
      "I'm from Vienna but I live in Munich now",
      "where did i say i'm from?",
      "and where do I live?",
    ]);
    expect(replies[2]).toMatch(/Vienna/);
    expect(replies[2]).not.toMatch(/Munich/);
    expect(replies[3]).toMatch(/Munich/);
  });

  it("their job, not the latest thing they said about work", async () => {
    const replies = await askAgent([
      "hi",
      "I'm a nurse",
      "my shift starts at 6 tomorrow, ugh",
      "what's my job?",
    ]);
    expect(replies[3]).toMatch(/nurse/);
  });

  it("“remind me what…” asks what was said, not for a reminder", async () => {
    const replies = await askAgent(["hi", "I live in Lyon", "remind me what city i live in?"]);
    expect(replies[2]).toMatch(/Lyon/);
    expect(replies[2]).not.toMatch(/reminders/);
    const [, reminder] = await askAgent(["hi", "can you remind me to call my mum tomorrow?"]);
    expect(reminder).toMatch(/can't set reminders/);
  });

  it("an event asked about in other words, and when it is", async () => {
    const race = await askAgent([
      "hi",
      "I'm running a half marathon in Zurich on the 14th of June",
      "how are you?",
      "when is my race?",
    ]);
    expect(race[3]).toMatch(/14th of June/);
    const wedding = await askAgent([
      "hi",
      "my sister Giulia is getting married in October",
      "we're doing a dance at the wedding and im panicking",
      "in what month is the wedding?",
      "who's getting married again?",
    ]);
    expect(wedding[3]).toMatch(/October/);
    expect(wedding[4]).toMatch(/Giulia/);
    expect(wedding[4]).not.toMatch(/No idea|look it up/);
  });
});
