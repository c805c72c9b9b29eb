import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../src/application/persona/personaRandom.ts";
import { worldFactAnswer } from "../../../src/application/persona/personaWorldFacts.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("the capitals everyone learns at school", () => {
  it("are named when asked, however the country is typed", () => {
    const random = seededRandom(1, "capitals");
    expect(worldFactAnswer("What's the capital of Canada?", random)?.[0]).toMatch(/Ottawa/);
    expect(worldFactAnswer("capital city of the USA", random)?.[0]).toMatch(/Washington/);
    expect(worldFactAnswer("what is the capital of new zealand??", random)?.[0]).toMatch(/Wellington/);
    expect(worldFactAnswer("What's the capital of Narnia?", random)).toBeNull();
    expect(worldFactAnswer("What's your favourite city?", random)).toBeNull();
  });

  it("are given in the conversation instead of a don't-know, and a sum after a remark is worked out", async () => {
    const replies = await askAgent([
      "hi",
      "what's the capital of Canada?",
      "haha ok smart girl. what's 12 times 7?",
    ]);
    expect(replies[1]).toMatch(/Ottawa/);
    expect(replies[1]).not.toMatch(/don't know|no idea|not sure/i);
    expect(replies[2]).toMatch(/\b84\b/);
  });
});
