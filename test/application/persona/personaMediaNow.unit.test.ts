import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("what the agent is reading or watching, and whether it is good", () => {
  it("gives its verdict on the book or documentary it just named, not a shrug", async () => {
    const [, read, verdict, , watched] = await askAgent([
      "hey",
      "what are you reading?",
      "is it good?",
      "what are you watching these days?",
      "is it any good?",
    ]);
    expect(read).toMatch(/\b(?:novel|book)\b/);
    expect(verdict).toMatch(/^(?:It really is|Yes, so far)\b.*\b(?:novel|book)\b/);
    expect(watched).toMatch(/documentary/);
    for (const reply of [verdict, watched])
      expect(reply).not.toMatch(/don't know|not sure|look it up|search/i);
  });

  it("leaves a verdict unasked of anything it did not name", async () => {
    const [, reply] = await askAgent(["hey", "is it good?"]);
    expect(reply).not.toMatch(/I'm hooked|better than I expected/);
  });
});
