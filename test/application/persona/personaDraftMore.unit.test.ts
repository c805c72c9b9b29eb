import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("'more?' after a draft the agent wrote", () => {
  it("gets the rest of the speech, with the person it is about", async () => {
    const replies = await askAgent([
      "my brother Luis is getting married in June",
      "I'm the best man and I have to give a speech",
      "help me start the speech",
      "more?",
    ]);
    expect(replies[2]).toMatch(/Here's an opening/);
    expect(replies[3]).toMatch(/^Here's the middle: .*And to close: .*to Luis\./);
  });

  it("gets another version of a text", async () => {
    const replies = await askAgent(["help me write a text to my sister", "keep going"]);
    expect(replies[1]).toMatch(/^Or, a little longer: "/);
  });
});

describe("'more?' after advice", () => {
  it("gets one more tip, not a shrug", async () => {
    const replies = await askAgent(["any tips for a beginner?", "more?"]);
    expect(replies[0]).toMatch(/^My advice/);
    expect(replies[1]).toMatch(/^Okay, one more: /);
  });
});
