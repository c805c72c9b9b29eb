import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const questionsOf = (reply: string) => reply.match(/[^.!?]+\?/g)?.map((q) => q.trim()) ?? [];

describe("the offline engine's questions back", () => {
  it("does not ask the question it asked in either of its last two replies", async () => {
    const replies = await askAgent([
      "I live in Leeds",
      "I live in Leeds with my partner",
      "I live in Leeds, near the park",
      "I live in Leeds",
      "I live in Leeds",
    ]);
    for (const [index, reply] of replies.entries())
      for (const question of questionsOf(reply))
        for (const earlier of replies.slice(Math.max(0, index - 2), index))
          expect(earlier).not.toContain(question);
  });
});
