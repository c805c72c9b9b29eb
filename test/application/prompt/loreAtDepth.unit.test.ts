import { describe, expect, it } from "vitest";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "./promptFixtures.ts";

const at = "2025-03-03T08:00:00.000Z";

describe("lorebook entries at a depth in the prompt", () => {
  it("go among the messages, N from the end, as their role; the others stay in the system message", () => {
    const { messages } = buildReplyPrompt(
      miaInput({
        recentMessages: [
          { author: "person", text: "first", at },
          { author: "agent", text: "second", at },
        ],
        personMessage: "third",
        lore: [
          { content: "Beside the character.", position: "beforeCharacter" },
          { content: "A note two back.", position: "beforeCharacter", depth: 2, role: "system" },
          { content: "Said last.", position: "afterCharacter", depth: 0, role: "assistant" },
        ],
      }),
    );
    expect(messages.slice(1)).toEqual([
      { role: "user", content: "first" },
      { role: "system", content: "A note two back." },
      { role: "assistant", content: "second" },
      { role: "user", content: "third" },
      { role: "assistant", content: "Said last." },
    ]);
    expect(messages[0]!.content).toContain("Beside the character.");
    expect(messages[0]!.content).not.toContain("A note two back.");
  });
});
