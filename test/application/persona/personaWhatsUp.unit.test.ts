import { describe, expect, it } from "vitest";
import { plainTyping } from "../../../src/application/persona/personaTyping.ts";
import { askAgent, soundEngineer } from "./dialogues/askAgent.ts";

/** What Mira says she is doing on a Monday evening in Lisbon. */
const doingNow = /I'm winding down|I just made dinner/;

describe("“what's up”, “sup” and “wyd”", () => {
  it("are read as asking what the agent is up to, the greeting kept", () => {
    expect(plainTyping("hey kenji, whats up")).toBe("hey kenji, what are you up to?");
    expect(plainTyping("sup")).toBe("hey, what are you up to?");
    expect(plainTyping("what's up with your knee?")).toBe("what's up with your knee?");
  });

  it("are answered with what the agent is doing now", async () => {
    const replies = await askAgent(
      ["hey mira, whats up", "sup", "wyd"],
      soundEngineer,
      "2025-03-10T19:00:00Z",
    );
    for (const reply of replies) expect(reply).toMatch(doingNow);
  });
});
