import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";
import type { Dialogue } from "./dialogues/dialogueTypes.ts";

const baker: Dialogue["agent"] = {
  ...soundEngineer,
  name: "Lena Vogel",
  homeCity: "Hamburg",
  occupation: "baker",
  interests: ["sourdough", "sailing"],
  backstory: "Took over her grandmother's bakery in Altona.",
};
const ranger: Dialogue["agent"] = {
  ...soundEngineer,
  name: "Tom Becker",
  homeCity: "Denver",
  occupation: "park ranger",
  interests: ["hiking", "birds"],
  backstory: "Once spent a whole winter alone in a fire lookout.",
};
const teacher: Dialogue["agent"] = {
  ...soundEngineer,
  name: "Claire Dubois",
  homeCity: "Lyon",
  occupation: "primary school teacher",
  interests: ["painting", "cycling"],
  backstory: "Grew up on a farm in Burgundy.",
};

/** Lines of the agent's day or weekend, which do not answer a question about its story. */
const today =
  /winding down|Work today|Right now|slow \w+ morning|I'm having|No idea|look it up|Have you ever tried/i;

describe("the offline engine on follow-ups to the story it just told", () => {
  it("goes on with its own story when asked what happened next, and then, and how it felt", async () => {
    const [story, next, then, scared] = await askAgent(
      ["tell me about your grandmother", "what happened next?", "and then?", "were you scared?"],
      baker,
    );
    expect(story).toMatch(/grandmother's bakery in Altona/);
    for (const reply of [next, then, scared]) expect(reply).not.toMatch(today);
    expect(then).not.toEqual(next);
    expect(scared).toMatch(/^Scared\?/);
  });

  it("tells the part of its backstory it is asked about, then answers how it felt and what came after", async () => {
    const [winter, lonely, next] = await askAgent(
      ["tell me about the winter in the fire lookout", "wow. were you lonely?", "what happened next?"],
      ranger,
    );
    expect(winter).toMatch(/I once spent a whole winter alone in a fire lookout/);
    expect(lonely).toMatch(/^Lonely\?/);
    expect(next).not.toMatch(today);
  });

  it("answers how someone in the story took it", async () => {
    const [, proud] = await askAgent(["what was your first day like?", "was your dad proud?"], teacher);
    expect(proud).toMatch(/^My dad\? I think so/);
  });
});

describe("the offline engine on questions about its own past", () => {
  it("answers its first day, what it wanted to be, its parents, and hard times in the past tense", async () => {
    const [first, always, kid, parents, scared, stressed, worked] = await askAgent(
      [
        "what was your first day like as a teacher?",
        "did you always want to be a teacher?",
        "what did you want to be as a kid?",
        "and your parents, were they farmers?",
        "were you ever scared at work?",
        "what did you do when you were stressed at school?",
        "did it work?",
      ],
      teacher,
    );
    expect(first).toMatch(/^My first day\?/);
    expect(always).toMatch(/^Not always/);
    expect(kid).toMatch(/wanted to be|new plan every week/);
    expect(parents).toMatch(/I grew up on a farm in Burgundy/);
    expect(scared).toMatch(/^Scared\? Sometimes/);
    expect(stressed).toMatch(/^When I was stressed\?/);
    expect(worked).toMatch(/^(?:Mostly|Better than I feared)/);
    for (const reply of [first, always, kid, parents, scared, stressed, worked])
      expect(reply).not.toMatch(today);
  });
});
