import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const engineer: Dialogue["agent"] = {
  name: "Kenji",
  homeCity: "Tokyo",
  country: "Japan",
  occupation: "sound engineer",
  timezone: "Asia/Tokyo",
  interests: ["synths", "jazz records"],
  summary: "A calm sound engineer.",
  backstory: "Mixes records in a small Shimokitazawa studio and walks home through the quiet streets.",
};

describe("a question about something the agent's story tells", () => {
  it("is answered with that part of its story, in its own words", async () => {
    const [, books] = await askAgent(["hi", "what kind of books do you draw for?"], {
      ...engineer,
      name: "Mia",
      occupation: "illustrator",
      backstory: "Grew up by the sea in Cascais and moved to Lisbon to draw for children's books.",
    });
    expect(books).toMatch(/I grew up .*children's books/);
    const [studio] = await askAgent(
      ["what's it like working in a studio?"],
      engineer,
      "2025-03-10T11:00:00Z",
    );
    expect(studio).toMatch(/I mix records in a small Shimokitazawa studio and walk home/);
    expect(studio).not.toMatch(/no idea|don't know/i);
  });

  it("tells a story written about the agent as 'he', 'she' or its name in the first person", async () => {
    const cook = { ...engineer, name: "Kai", occupation: "ramen cook" };
    for (const [backstory, told] of [
      ["He learned the broth from his grandmother.", /I learned the broth from my grandmother/],
      ["She runs a stall by the station.", /I run a stall by the station/],
      ["Kai is the third cook of the family stall.", /I am the third cook of the family stall/],
    ] as const) {
      const [answer] = await askAgent(
        ["tell me about your grandmother's broth and the stall and the cook"],
        {
          ...cook,
          backstory,
        },
        "2025-03-10T02:00:00Z",
      );
      expect(answer).toMatch(told);
      expect(answer).not.toMatch(/\bI (?:he|she|kai)\b/i);
    }
  });

  it("is not taken for a question about now", async () => {
    const [now] = await askAgent(
      ["what are you mixing in the studio today?"],
      engineer,
      "2025-03-10T11:00:00Z",
    );
    expect(now).not.toMatch(/walk home/);
  });
});

describe("a yes-or-no question or a request touching the agent's story", () => {
  it("is not answered with the story", async () => {
    const replies = await askAgent(
      ["hi", "do you ever get bored of the studio?", "can you send me a picture of your studio?"],
      engineer,
      "2025-03-10T11:00:00Z",
    );
    for (const reply of replies.slice(1)) expect(reply).not.toMatch(/I mix records/);
  });
});
