import { describe, expect, it } from "vitest";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("a question about the part of the day where the agent is", () => {
  it("is read as asking the time, with or without 'there'", () => {
    for (const text of ["Is it dark?", "is it late there?", "is it morning yet?", "is it night for you"])
      expect(readMessage(text).question).toBe("time");
    expect(readMessage("is it dark chocolate you like?").question).not.toBe("time");
  });

  it("gets a yes or a no by the agent's clock, and the clock", async () => {
    // 20:00 in Lisbon: dark in March, evening, not yet late.
    const replies = await askAgent(
      ["hi", "is it dark?", "is it late there?", "is it morning yet?"],
      undefined,
      "2025-03-10T20:00:00Z",
    );
    expect(replies[1]).toMatch(/^Yes — it's 20:\d\d/);
    expect(replies[2]).toMatch(/^No — it's 20:\d\d/);
    expect(replies[3]).toMatch(/^No — it's 20:\d\d/);
  });
});

describe("a question about the time where the person is", () => {
  const tokyo = { ...soundEngineer, homeCity: "Tokyo", country: "Japan", timezone: "Asia/Tokyo" };

  it("is read as asking the time, however it is worded", () => {
    for (const text of [
      "What time is it for me?",
      "Do you know what time it is for me?",
      "what time is it where I am?",
    ])
      expect(readMessage(text).question).toBe("time");
  });

  it("gets the person's own clock from their time zone, beside the agent's", async () => {
    // 03:00 in London (the person, up late) is noon in Tokyo (the agent).
    const replies = await askAgent(
      ["hi", "Do you know what time it is for me?", "What time is it where I am?"],
      tokyo,
      "2025-03-10T03:00:00Z",
    );
    expect(replies[1]).toMatch(/\b03:\d\d where you are\b.*\b12:\d\d\b.*Tokyo/);
    expect(replies[2]).toMatch(/\b03:\d\d where you are\b/);
  });
});
