import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

const nurse = { ...soundEngineer, occupation: "night nurse", interests: ["football", "paella", "guitar"] };

describe("the offline engine on a few words that lean on the turn around them", () => {
  it("'and tomorrow? are you working?' asks about tomorrow's work, not today's", async () => {
    const [, tomorrow] = await askAgent(
      ["what are you doing today?", "and tomorrow? are you working?"],
      nurse,
    );
    expect(tomorrow).not.toMatch(/Right now it's mostly|today/i);
    expect(tomorrow).toMatch(/^(?:Yes|No|Not|I do|I don't)/);
  });

  it("'which team?' after 'do you like football?' asks the agent, not what the person told of a team", async () => {
    const [, , team] = await askAgent(
      ["I just got promoted!! team lead now", "do you like football?", "which team?"],
      nurse,
    );
    expect(team).not.toMatch(/remember|promoted/i);
  });

  it("'and my girlfriend? she thinks I should turn it down' is her view of the person's step", async () => {
    const [, girlfriend] = await askAgent(
      ["I just got promoted!! team lead now", "and my girlfriend? she thinks I should turn it down"],
      nurse,
    );
    expect(girlfriend).toMatch(/what your girlfriend thinks — but in the end it's your call/);
    expect(girlfriend).not.toMatch(/sorry|what happened/i);
  });

  it("'and what about you, do you still play retro games?' answers the question after the turn-around", async () => {
    const developer = { ...soundEngineer, occupation: "game developer", interests: ["retro games", "ramen"] };
    const [, still] = await askAgent(
      ["I play a lot of indie games", "and what about you, do you still play retro games?"],
      developer,
    );
    expect(still).toMatch(/retro games is one of my favourite things|retro games is my happy place/);
    expect(still).not.toMatch(/Not much|Not really|I'm \w+, a game developer/);
  });
});

describe("a bare weekday or 'the weekend' after a question about a time", () => {
  const teacher = { ...soundEngineer, occupation: "teacher", interests: ["chess", "baking"] };

  it("asks the same question of that day", async () => {
    for (const [first, then, day] of [
      ["what are you doing tomorrow?", "and thursday?", "Thursday"],
      ["any plans tonight?", "and sunday?", "Sunday"],
      ["what r u doing tomorrow", "what about friday?", "Friday"],
    ] as const) {
      const [, reply] = await askAgent([first, then], teacher);
      expect(reply, then).toMatch(new RegExp(`Nothing big on ${day} — `));
    }
    const [, weekend] = await askAgent(["what are you doing tonight?", "and the weekend?"], teacher);
    expect(weekend).toMatch(/Nothing big this weekend — /);
  });

  it("asks whether the agent works that day, after asking whether it works tomorrow", async () => {
    for (const then of ["and tuesday?", "how about saturday?"]) {
      const [, reply] = await askAgent(["are you working tomorrow?", then], teacher);
      expect(reply, then).toMatch(
        /(?:Yes, (?:Tuesday|Saturday) is a work day|No, (?:Tuesday|Saturday)'s my day off|Not on (?:Tuesday|Saturday))/,
      );
    }
  });
});
