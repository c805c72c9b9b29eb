import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("offline companion: says what the conversation covered", () => {
  it("names what the person told and what they asked, when asked what was talked about", async () => {
    const replies = await askAgent([
      "hi",
      "I live in Hamburg",
      "I have a dog called Pixel",
      "what do you do for work?",
      "i'm so tired lol",
      "what did we talk about?",
    ]);
    const recap = replies[5]!;
    expect(recap).toMatch(/Hamburg/);
    expect(recap).toMatch(/Pixel/);
    expect(recap).toMatch(/you're so tired(?! lol)/);
    expect(recap).toMatch(/\bmy work\b/);
    expect(recap).not.toMatch(/don't know|no idea|not sure/i);
  });

  it("reads “where were we?” and “what were we talking about?” the same way", async () => {
    const replies = await askAgent([
      "hey",
      "tell me a joke",
      "my sister is visiting on Sunday",
      "where were we?",
      "what were we talking about?",
    ]);
    for (const recap of replies.slice(3)) {
      expect(recap).toMatch(/your sister is visiting on Sunday/);
      expect(recap).toMatch(/jokes/);
    }
  });

  it("counts what a greeting told about the person", async () => {
    const [, recap] = await askAgent(["Hi Mia! I'm Tom and I live in Leeds.", "What did we talk about?"]);
    expect(recap).toMatch(/you live in Leeds/);
    expect(recap).not.toMatch(/only just started|you're you|name is you/);
    const [, , again] = await askAgent([
      "hello",
      "My name is Sara. I work as a nurse.",
      "what did we talk about?",
    ]);
    expect(again).toMatch(/you work as a nurse/);
    expect(again).not.toMatch(/name is you/);
  });

  it("says honestly that little has been said at the very start", async () => {
    const [, recap] = await askAgent(["hello", "what did we talk about?"]);
    expect(recap).toMatch(/only just started/);
  });
});
