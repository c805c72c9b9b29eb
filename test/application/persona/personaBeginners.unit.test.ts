import { describe, expect, it } from "vitest";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

describe("the offline engine meets a beginner at a pastime", () => {
  it("encourages a beginner and gives a first tip for the pastime named, however it is said", async () => {
    const cases: [string, RegExp][] = [
      ["I'm a total beginner at climbing", /legs|arms|easy routes/i],
      ["just started running last week, complete noob", /slow|walk|run/i],
      ["I wanna try pottery but I'm a complete beginner", /centr|clay|cylinder/i],
      ["I'm new to chess", /move|threat|knights|castle/i],
      ["took up knitting this month, total beginner lol", /wool|needles|scarf/i],
      ["I've just started bouldering, total beginner", /legs|arms|easy routes/i],
    ];
    const [german] = await askAgent(["Ich bin Anfängerin beim Klettern"]);
    expect(german).toMatch(/jeder fängt mal an/);
    for (const [said, tip] of cases) {
      const [reply] = await askAgent([said]);
      expect(reply, said).toMatch(tip);
      expect(reply, said).toMatch(
        /good for you|brilliant|love that|right person|what I do|welcome|starts somewhere/i,
      );
    }
  });

  it("a pastime it has no notes on still gets encouragement and a general way in", async () => {
    const [reply] = await askAgent(["I'm a beginner at fencing"]);
    expect(reply).toMatch(/fencing/i);
    expect(reply).toMatch(/little and often|twenty minutes/i);
  });

  it("in its own trade it answers as the one who teaches it", async () => {
    const instructor = { ...soundEngineer, occupation: "climbing instructor", interests: ["bouldering"] };
    const [reply] = await askAgent(["im a beginner at bouldering"], instructor);
    expect(reply).toMatch(/right person|what I do/i);
  });

  it("'any tips?' and 'is that normal?' after it give more of the same pastime's tips", async () => {
    const [, tips, , normal] = await askAgent([
      "I started running last week, total beginner",
      "any advice?",
      "my legs are so sore",
      "is that normal?",
    ]);
    expect(tips).toMatch(/runs a week|shoes|knees/i);
    expect(normal).toMatch(/normal/i);
  });

  it("someone else's start, or starting a job, is not taken as the person's pastime", async () => {
    const [son] = await askAgent(["My son just started swimming lessons"]);
    expect(son).not.toMatch(/breathe out/i);
    for (const notPastime of [
      "I just started a new job at the bank",
      "I'm new to the city",
      "im new to this app",
    ]) {
      const [reply] = await askAgent([notPastime]);
      expect(reply, notPastime).not.toMatch(/one tip to start|welcome to/i);
    }
  });
});
