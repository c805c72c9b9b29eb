import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const greets = /^(?:hey|hi|hello|good (?:morning|afternoon|evening)|morning)\b/i;

describe("a greeting answered right after the agent greeted", () => {
  it("does not greet a second time", async () => {
    for (const says of [["hey"], ["hi there"], ["hello!"]]) {
      const [first, second] = await askAgent([...says, "hey, how are you?"]);
      expect(first).toMatch(greets);
      expect(second).not.toMatch(greets);
    }
    const [, bare] = await askAgent(["hey", "hi"]);
    expect(bare).not.toMatch(greets);
    expect(bare!.length).toBeGreaterThan(5);
  });
});
