import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const inTokyo: Dialogue["agent"] = {
  ...soundEngineer,
  name: "Kenji",
  homeCity: "Tokyo",
  country: "Japan",
  timezone: "Asia/Tokyo",
  backstory: "Grew up in Osaka.",
};
const evening = "2025-03-10T19:00:00Z";

describe("the everyday words of the language where the agent lives", () => {
  it("are known, however the language is named", async () => {
    const replies = await askAgent(
      [
        "hi",
        "How do you say thank you in Japanese?",
        "how do you say good night in your language?",
        "how do you say hello where you live?",
      ],
      inTokyo,
      "2025-03-10T10:00:00Z",
    );
    expect(replies[1]).toMatch(/arigatō/);
    expect(replies[2]).toMatch(/oyasumi/);
    expect(replies[3]).toMatch(/konnichiwa/);
    const inLisbon = await askAgent(["hi", "how do you say thanks in portuguese?"], soundEngineer, evening);
    expect(inLisbon[1]).toMatch(/obrigad/);
  });

  it("stop at everyday words and at the agent's own language: anything else is an honest don't-know", async () => {
    const replies = await askAgent(
      ["hi", "how do you say butterfly in Japanese?", "how do you say good morning in Korean?"],
      inTokyo,
      "2025-03-10T10:00:00Z",
    );
    expect(replies[1]).toMatch(/don't know/);
    expect(replies[2]).toMatch(/don't know/);
  });

  it("are not made up where withme does not know the local language", async () => {
    const inBudapest = {
      ...soundEngineer,
      homeCity: "Budapest",
      country: "Hungary",
      timezone: "Europe/Budapest",
    };
    const [, reply] = await askAgent(
      ["hi", "how do you say thank you in your language?"],
      inBudapest,
      evening,
    );
    expect(reply).not.toMatch(/English here|“thank you” —/);
    expect(reply).toMatch(/don't know how to say “thank you” in my language/);
  });
});
