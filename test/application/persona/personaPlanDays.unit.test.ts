import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

// The dialogues start on a Monday.
describe("a plan asked about by the day it falls on", () => {
  it("told without a day is today's, not tomorrow's", async () => {
    const replies = await askAgent(["optician at half four", "what's on tomorrow?"]);
    expect(replies[1]).not.toMatch(/Of course I remember/);
    expect(replies[1]).toMatch(/Nothing tomorrow/);
    expect(replies[1]).toMatch(/today: you have an optician appointment at half four/);
  });

  it("told for tomorrow is not today's", async () => {
    const replies = await askAgent(["osteopath tomorrow at 10", "anything on this afternoon?"]);
    expect(replies[1]).toMatch(/Nothing today/);
    expect(replies[1]).toMatch(/tomorrow: you have an osteopath appointment tomorrow at 10/);
  });

  it("is offered for the day it falls on", async () => {
    const replies = await askAgent(["bus to Bristol on Thursday at 8", "what have I got on Thursday?"]);
    expect(replies[1]).toMatch(/Of course I remember — you're catching the bus to Bristol on Thursday at 8/);
    const today = await askAgent(["hairdresser at 3", "anything on today?"]);
    expect(today[1]).toMatch(/Of course I remember — you have a hairdresser appointment at 3/);
  });

  it("a journey is recalled as one the person is catching", async () => {
    const replies = await askAgent(["flight to Dublin at 6:15am", "what have I got on later?"]);
    expect(replies[1]).toMatch(/you're catching the 6:15am flight to Dublin/);
  });
});

describe("a plan told for tomorrow, asked about the next day", () => {
  it("is today's, and said so", async () => {
    const replies = await askAgent(
      ["podiatrist tomorrow at 11", "what's on today?"],
      undefined,
      "2025-03-10T23:58:00Z",
    );
    expect(replies[1]).toMatch(/Of course I remember — you have a podiatrist appointment today at 11/);
  });
});

describe("a plan of no one day", () => {
  it("is not said to be today's", async () => {
    const replies = await askAgent(["I'm moving to Valencia in September", "anything on tomorrow?"]);
    expect(replies[1]).not.toMatch(/is today|Of course I remember/);
  });
});
