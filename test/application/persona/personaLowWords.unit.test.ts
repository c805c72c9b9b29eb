import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const cared = /sorry|sounds really hard|I'm here|talk about it|what happened|listening|a lot to carry/i;

describe("a low moment told in words the engine did not know", () => {
  it.each([
    "I've been feeling really low lately",
    "nobody really gets me",
    "I had a panic attack today",
    "I'm feeling kind of down",
    "I feel so empty",
  ])("meets %j with care, not small talk or a shrug", async (line) => {
    const [, reply] = await askAgent(["Hi!", line]);
    expect(reply).toMatch(cared);
    expect(reply).not.toMatch(/same energy|surfing|favourite part of the day|tell me more/i);
  });
});
