import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

function agentWhoIs(occupation: string): Dialogue["agent"] {
  return {
    name: "Ana",
    homeCity: "Ljubljana",
    country: "Slovenia",
    occupation,
    timezone: "Europe/Ljubljana",
    interests: ["chess", "hiking"],
    summary: `A patient ${occupation}.`,
    backstory: "Grew up in the hills.",
  };
}

describe("questions about what the agent's trade does to it and how much it has done", () => {
  it("answers an everyday hazard of its trade in the question's words", async () => {
    const replies = await askAgent(["hi", "are you ever stung?"], agentWhoIs("beekeeper"));
    expect(replies[1]).toMatch(/getting stung is part of being a beekeeper/);
  });

  it("answers the same of another trade and another hazard", async () => {
    const replies = await askAgent(["do you get burned a lot?"], agentWhoIs("pastry chef"));
    expect(replies[0]).toMatch(/getting burned is part of being a pastry chef/);
    const florist = await askAgent(["do you ever get hayfever at work?"], agentWhoIs("florist"));
    expect(florist[0]).toMatch(/getting hayfever is part of being a florist/);
  });

  it("answers a count of its work from its years in the trade", async () => {
    const replies = await askAgent(["hello", "how many babies have you delivered?"], agentWhoIs("midwife"));
    expect(replies[1]).toMatch(/lost count of the babies years ago .*over my years as a midwife/);
    const day = await askAgent(["how many animals do you see in a day?"], agentWhoIs("veterinarian"));
    expect(day[0]).toMatch(/^Depends on the day — on a busy one more animals than I can keep track of/);
    // A count of its life is not one of its trade.
    const life = await askAgent(["how many countries have you been to?"], agentWhoIs("midwife"));
    expect(life[0]).not.toMatch(/years as a midwife/);
  });
});
