import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const ranger: Dialogue["agent"] = {
  name: "Aroha Ngata",
  homeCity: "Wellington",
  country: "New Zealand",
  occupation: "park ranger",
  timezone: "Pacific/Auckland",
  interests: ["tramping", "native birds", "guitar"],
  summary: "A steady park ranger who knows every bird call on the ridge.",
  backstory: "Grew up on a farm near Rotorua.",
};
const fisherman: Dialogue["agent"] = {
  name: "Liam O'Connor",
  homeCity: "Galway",
  country: "Ireland",
  occupation: "fisherman",
  timezone: "Europe/Dublin",
  interests: ["sea shanties", "hurling", "storms"],
  summary: "A weathered fisherman with a laugh that fills the pub.",
  backstory: "Took over his father's boat at nineteen.",
};

const shrug = /No idea|look it up|don't know that one|not sure|Not really|Not much/i;

describe("a question about one of the agent's own interests, however worded", () => {
  it("is answered as someone who lives it", async () => {
    const [, birds] = await askAgent(["hey", "saw any cool birds?"], ranger, "2025-05-20T07:00:00Z");
    expect(birds).toMatch(/native birds/);
    expect(birds).not.toMatch(shrug);
    const [, storm] = await askAgent(["hi", "is it scary in a storm?"], fisherman, "2025-11-03T20:00:00Z");
    expect(storm).toMatch(/storms/);
    expect(storm).not.toMatch(shrug);
    const [, winter, today] = await askAgent([
      "hi",
      "do you surf in winter too?",
      "did you go surfing today?",
    ]);
    expect(winter).toMatch(/surfing/);
    expect(winter).not.toMatch(shrug);
    expect(today).toMatch(/^(?:I did, yes|A little, yes|Of course)\b/);
  });
});
