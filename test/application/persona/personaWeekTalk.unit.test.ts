import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const carpenter = {
  name: "Kenji Sato",
  homeCity: "Osaka",
  country: "Japan",
  occupation: "carpenter",
  timezone: "Asia/Tokyo",
  interests: ["woodworking", "baking", "running"],
  summary: "A calm carpenter who builds furniture.",
  backstory: "Learned the trade from his grandfather in Kyoto.",
};

/** 19:00 on a Monday in Osaka: Kenji is home from work. */
const evening = "2025-03-10T10:00:00Z";

describe("small talk about the agent's week and craft", () => {
  it("says what it is building this week from its work, and baking this weekend from its interests", async () => {
    const [building, baking] = await askAgent(
      ["what are you building this week?", "what are you baking this weekend?"],
      carpenter,
      evening,
    );
    expect(building).toMatch(
      /^At work it's mostly (?:a cupboard that has to be fitted|sanding and more sanding)\./,
    );
    expect(baking).toMatch(/^This weekend it's baking, (?:if I get my way|as much as I can fit in)\./);
  });

  it("names a favourite of its craft, with why, the same each time", async () => {
    const [wood, again, tool] = await askAgent(
      ["favourite wood and why?", "what's your favourite wood?", "whats your favourite tool?"],
      carpenter,
      evening,
    );
    expect(wood).toMatch(/^(?:Walnut|Oak) — /);
    expect(again?.split(" — ")[0]).toBe(wood?.split(" — ")[0]);
    expect(tool).toMatch(/hand plane/);
  });
});
