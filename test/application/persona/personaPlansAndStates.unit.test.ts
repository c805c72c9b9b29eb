import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("a state the agent is asked about", () => {
  it("is answered yes or no by its hour, not with its mood in general", async () => {
    const [tired] = await askAgent(["r u tired?"], soundEngineer, "2025-03-15T15:00:00Z");
    expect(tired).toMatch(/^Not (?:really|yet)\b/);
    const [hungry] = await askAgent(["are you hungry?"], soundEngineer, "2025-03-15T12:30:00Z");
    expect(hungry).toMatch(/^Starving/);
  });
});

describe("a trip the person is planning", () => {
  it("gets where to start, from the agent who lives there", async () => {
    const replies = await askAgent([
      "I'm planning a trip to Portugal in september with my boyfriend",
      "where should we go first?",
    ]);
    expect(replies[1]).toMatch(/^Start here in Lisbon/);
  });

  it("gets where to start elsewhere too, without a search", async () => {
    const replies = await askAgent(["we're going to Japan next spring!", "where should we go first?"]);
    expect(replies[1]).toMatch(/^Start where you land/);
  });

  it("says 'you' for the person's 'us' when saying yes to showing them around", async () => {
    const replies = await askAgent(["would you show us around?"]);
    expect(replies[0]).not.toMatch(/showing us\b/);
  });
});

describe("a question about glad news the person told", () => {
  it("is answered without cheering the news again", async () => {
    const replies = await askAgent([
      "my sister Giulia is getting married in October",
      "ok",
      "who's getting married again?",
    ]);
    expect(replies[2]).toMatch(/Giulia/);
    expect(replies[2]).not.toMatch(/Look at you|celebrat|Tell me everything|wonderful news/i);
  });
});
