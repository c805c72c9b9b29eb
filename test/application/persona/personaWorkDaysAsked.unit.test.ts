import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const agent = (occupation: string): Dialogue["agent"] => ({
  name: "Jo Reed",
  homeCity: "Leeds",
  country: "England",
  occupation,
  timezone: "Europe/London",
  interests: ["cycling", "crosswords"],
  summary: `A ${occupation} who likes a chat.`,
  backstory: "Grew up in the Dales.",
});

/** 19:00 on a Wednesday in Leeds: work is done for the day. */
const wednesdayEvening = "2025-03-12T19:00:00Z";

describe("whether it works a day, asked every which way", () => {
  it("answers 'are you off…?' the right way round", async () => {
    const [thursday, sunday] = await askAgent(
      ["are you off on thursday?", "r u off sunday?"],
      agent("accountant"),
      wednesdayEvening,
    );
    expect(thursday).toMatch(/^No, Thursday is a work day for me/);
    expect(sunday).toMatch(/^Yes, Sunday's my day off/);
  });

  it("reads 'you working friday?' and 'do you have work tomorrow?' as questions about its work", async () => {
    const [friday, tomorrow] = await askAgent(
      ["you working friday?", "do you have work tomorrow?"],
      agent("accountant"),
      wednesdayEvening,
    );
    expect(friday).toMatch(/^Yes, Friday is a work day for me/);
    expect(tomorrow).toMatch(/^(?:Yes, I start at|I do — )/);
  });

  it("reads 'what about Sunday, are you working?' as asked of Sunday, and says its hours", async () => {
    const [sunday, hours] = await askAgent(
      ["what about Sunday, are you working?", "what time do you start then?"],
      agent("accountant"),
      wednesdayEvening,
    );
    expect(sunday).toMatch(/^(?:No, Sunday's my day off|Not on Sunday)/);
    expect(hours).toMatch(/^I start at \d\d:\d\d and I'm usually done by \d\d:\d\d/);
  });

  it("listens when the person wants to vent about their day", async () => {
    const [vent] = await askAgent(["can I rant about my shift for a sec"]);
    expect(vent).toMatch(/How was your shift/);
  });

  it("gives a reason to 'why's that then?' and 'how come tho'", async () => {
    for (const why of ["why's that then?", "how come tho"]) {
      const [, reason] = await askAgent(["what's the best part of your job?", why], agent("accountant"));
      expect(reason, why).toMatch(/^Because/);
    }
  });

  it("tells how a thing of its own trade is made, and how long one takes", async () => {
    const [how, long] = await askAgent(
      ["how would you repair a clock?", "and how long does one usually take?"],
      agent("clockmaker"),
      wednesdayEvening,
    );
    expect(how).toMatch(/^By hand, one step at a time — a clock is/);
    expect(long).toMatch(/few days' work/);
  });
});
