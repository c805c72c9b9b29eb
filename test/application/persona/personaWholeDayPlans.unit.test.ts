import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const plumber = {
  name: "Ben Holt",
  homeCity: "York",
  country: "England",
  occupation: "plumber",
  timezone: "Europe/London",
  interests: ["darts", "fishing"],
  summary: "A plumber who likes a chat.",
  backstory: "Grew up by the sea.",
};

const wednesdayMorning = "2025-03-12T08:00:00Z";
const wednesdayEvening = "2025-03-12T19:00:00Z";
const saturdayMorning = "2025-03-15T10:00:00Z";

describe("plans for a whole day keep the day's work", () => {
  it("names the hours of work on a working day, then the evening", async () => {
    const [today] = await askAgent(["so what's the plan for today?"], plumber, wednesdayMorning);
    const [thursday] = await askAgent(["got plans for tomorrow?"], plumber, wednesdayEvening);
    expect(today).toMatch(/Nothing big today — work till \d\d:\d\d, then I'll probably make time for/);
    expect(thursday).toMatch(/Nothing big tomorrow — work till \d\d:\d\d, then/);
  });

  it("says a day off is one, and no work once the day's is done", async () => {
    const [sunday] = await askAgent(["any plans for tomorrow?"], plumber, saturdayMorning);
    const [evening] = await askAgent(["what are your plans for today?"], plumber, wednesdayEvening);
    expect(sunday).toMatch(/it's my day off, so I'll probably make time for/);
    expect(evening).not.toMatch(/work till/);
  });

  it("tells of no day's work on a day off, and plans 'for the weekend' as this weekend's", async () => {
    const [today, weekend] = await askAgent(
      ["how's your day been?", "any plans for the weekend?"],
      plumber,
      saturdayMorning,
    );
    expect(today).not.toMatch(/Work today was/);
    expect(weekend).toMatch(/^Nothing big this weekend — /);
  });
});
