import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

const driver = {
  ...soundEngineer,
  name: "Bram",
  occupation: "train driver",
  summary: "A 52-year-old train driver who knows every crossing on his line.",
};

describe("the offline engine asked its own age", () => {
  it("gives the age its persona states, however the question is typed", async () => {
    const replies = await askAgent(
      ["how old are you?", "how old r u", "what's your age?", "wie alt bist du?"],
      driver,
    );
    for (const reply of replies) expect(reply).toMatch(/^(?:I'm|Ich bin) 52\b/);
  });

  it("reads an age written in words or as 'aged'", async () => {
    const farmer = {
      ...soundEngineer,
      summary: "A sheep farmer of thirty-eight who sings bass in the choir.",
    };
    const [words] = await askAgent(["how old are u"], farmer);
    expect(words).toMatch(/\b38\b/);
    const aged = { ...soundEngineer, backstory: "Moved to Lisbon aged 41, after twenty years in Porto." };
    const [backstory] = await askAgent(["what age are you"], aged);
    expect(backstory).toMatch(/\b41\b/);
  });

  it("without an age in its persona, deflects in character and never makes a number up", async () => {
    const [first, pressed] = await askAgent(["how old are you?", "come on, just tell me"]);
    expect(first).toMatch(/old enough/i);
    expect(first).not.toMatch(/\d/);
    expect(pressed).toMatch(/nice try|persistent/i);
    expect(pressed).not.toMatch(/\d/);
  });

  it("does not take 'how old were you when…' as its age now", async () => {
    const [reply] = await askAgent(["how old were you when you started?"], driver);
    expect(reply).not.toMatch(/^I'm 52/);
  });
});
