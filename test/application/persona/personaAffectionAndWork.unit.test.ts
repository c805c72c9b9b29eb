import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

describe("words for the agent and about work the engine read as something else", () => {
  it("meets 'I've been thinking about you' as the kind words they are", async () => {
    const [, reply] = await askAgent(["Hi!", "I've been thinking about you"]);
    expect(reply).toMatch(/on my mind too/);
  });

  it("meets 'I hate my boss' as a low moment, not as news about the person's people", async () => {
    const [, reply] = await askAgent(["Hi!", "I hate my boss"]);
    expect(reply).toMatch(
      /sorry|sounds really hard|I'm here|what happened|talk about it|feel that|one of those days/i,
    );
    expect(reply).not.toMatch(/your people/);
  });
});
