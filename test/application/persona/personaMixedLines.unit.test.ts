import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("the offline engine on lines it used to answer beside the point", () => {
  it("meets 'fine with it I guess, kind of weird' as mixed, and a weird film as a film", async () => {
    const [mixed, film] = await askAgent([
      "I'm fine with it I guess. kind of weird",
      "that film was kind of weird",
    ]);
    expect(mixed).toMatch(/fine and strange at the same time/);
    expect(film).not.toMatch(/fine and strange/);
  });

  it("says something calming when asked, not advice to go with the gut", async () => {
    const [calm] = await askAgent(["tell me something calming"]);
    expect(calm).toMatch(/Picture|Breathe/);
    expect(calm).not.toMatch(/go with your gut/);
  });

  it("answers what it is working on these days with the work, not how today went", async () => {
    const developer = { ...soundEngineer, occupation: "game developer", interests: ["retro games"] };
    const [working] = await askAgent(
      ["what are you working on these days?"],
      developer,
      "2025-11-20T11:00:00Z",
    );
    expect(working).toMatch(/^These days it's mostly/);
    expect(working).not.toMatch(/Good, thanks/);
  });

  it("tells of last night's shift as over, and how tired it was", async () => {
    const nurse = { ...soundEngineer, occupation: "night nurse", interests: ["football"] };
    const [shift, tired] = await askAgent(["how was your shift last night?", "were you tired?"], nurse);
    expect(shift).toMatch(/I was on my feet the whole time/);
    expect(shift).not.toMatch(/Right now/);
    expect(tired).toMatch(/Tired\? Exhausted/);
  });

  it("weighs 'should I quit my job to do music?' instead of recalling what was said of music", async () => {
    const [, quit] = await askAgent([
      "my dad never cared about my music",
      "should I quit my job to do music full time?",
    ]);
    expect(quit).not.toMatch(/remember/i);
    expect(quit).toMatch(/quit your job to do music full time|only you can really know|decide it for you/);
  });
});
