import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("a trip being planned, and what to see there", () => {
  it("takes up a planned trip as a trip, not as big news", async () => {
    const [reply] = await askAgent(["I'm planning a trip to Japan"]);
    expect(reply).not.toMatch(/big news/i);
    expect(reply).toMatch(/Japan|trip/);
  });

  it("answers what to see in a place honestly: what the person likes, never 'no idea'", async () => {
    for (const asked of ["What should I see in Kyoto?", "what should I eat in Lyon?"]) {
      const [reply] = await askAgent([asked]);
      expect(reply).not.toMatch(/^No idea/i);
      expect(reply).toMatch(/Kyoto|Lyon/);
      expect(reply).toMatch(/\?/);
    }
  });
});

describe("a trip told with the place in lower case", () => {
  it("takes up 'going to kyoto next week' as a trip to Kyoto, and not 'going to bed tomorrow'", async () => {
    const [kyoto] = await askAgent(["I'm going to kyoto next week"]);
    expect(kyoto).toMatch(/Kyoto/);
    expect(kyoto).not.toMatch(/big news/i);
    const [newYork] = await askAgent(["I'm going to new york next week"]);
    expect(newYork).toMatch(/New York/);
    for (const notATrip of ["I'm going to bed tomorrow night early", "I'm going to study next week"]) {
      const [reply] = await askAgent([notATrip]);
      expect(reply, notATrip).not.toMatch(/a trip to look forward to/);
    }
  });
});
