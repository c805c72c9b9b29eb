import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alice", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

describe("the name a person introduces themselves by", () => {
  it("is the name the reply uses, said once", () => {
    for (const reply of replies({ personMessage: "Hi Mia! I'm Nora" })) {
      expect(reply).toContain("Nora");
      expect(reply).not.toContain("Alice");
      expect(reply.match(/Nora/g)).toHaveLength(1);
    }
  });

  it("stays the name on later turns, from the conversation or from memory", () => {
    const later = { author: "person" as const, text: "Hey, I'm Nora by the way", at: "2025-03-01T10:00:00Z" };
    for (const reply of replies({ personMessage: "Good night!", recentMessages: [later] }))
      expect(reply).not.toContain("Alice");
    const remembered = [
      { id: "m1", text: "Alice likes to be called Nora", score: 0.2, kind: "fact" as const },
    ];
    const context = buildReplyPrompt(
      miaInput({ personName: "Alice", memories: remembered, personMessage: "hi" }),
    ).context;
    expect(context.calledName).toBe("Nora");
    expect(
      buildReplyPrompt(miaInput({ personName: "Alice", personMessage: "hi" })).context.calledName,
    ).toBeNull();
  });
});
