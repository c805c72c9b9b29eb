import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const teacher: Dialogue["agent"] = {
  name: "Ingrid Berg",
  homeCity: "Bergen",
  country: "Norway",
  occupation: "school teacher",
  timezone: "Europe/Oslo",
  interests: ["cross-country skiing", "crime podcasts", "baking"],
  summary: "A patient primary school teacher with a dry wit.",
  backstory: "Grew up on an island north of Bergen.",
};

const shrug = /No idea|look it up|don't know that one|not sure/i;

describe("a question about the agent's working day", () => {
  it("is answered from what today's work was, asked with or without “you”", async () => {
    const [, kids, many] = await askAgent(
      ["hi ingrid", "how were the kids today?", "how many classes did you teach today?"],
      teacher,
      "2025-03-03T19:00:00Z",
    );
    for (const reply of [kids, many]) {
      expect(reply).not.toMatch(shrug);
      expect(reply).toMatch(/— [a-z]/);
    }
    const [, studio, bands] = await askAgent([
      "hi",
      "were you in the studio today?",
      "how many bands did you mix today?",
    ]);
    expect(studio).toMatch(/^I was, yes — today was all about /);
    expect(bands).toMatch(/today was all about /);
    expect(bands).not.toMatch(/dinner|keep thinking about/);
  });

  it("is a dance teacher's classes, not a school teacher's marking", async () => {
    const tango: Dialogue["agent"] = {
      name: "Mateo Ruiz",
      homeCity: "Buenos Aires",
      country: "Argentina",
      occupation: "tango teacher",
      timezone: "America/Argentina/Buenos_Aires",
      interests: ["tango", "football", "asado"],
      summary: "A charming tango teacher who believes everyone can dance.",
      backstory: "Danced in the milongas of San Telmo since he was fifteen.",
    };
    const [, classTonight] = await askAgent(
      ["ciao Mateo", "how was class tonight?"],
      tango,
      "2025-08-15T22:00:00Z",
    );
    expect(classTonight).toMatch(/class/);
    expect(classTonight).not.toMatch(/marking/);
  });
});
