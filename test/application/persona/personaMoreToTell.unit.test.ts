import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

/** The sentences of a reply, without the emoji a style may add. */
const sentences = (reply: string) =>
  reply
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/[^\p{L}\p{N} ,'—-]/gu, "").trim())
    .filter(Boolean);

describe("asked for more of what it was telling", () => {
  it("the agent tells something it had not said, after an answer and after a bare 'cool'", async () => {
    for (const seedShift of [0, 1, 2]) {
      const says = ["hi", "what did you do last weekend?", "cool", "tell me more", "and then?", "and?"];
      const replies = await askAgent(says, undefined, `2025-03-1${seedShift}T19:00:00Z`);
      for (const at of [3, 4, 5]) {
        const before = replies.slice(0, at).flatMap(sentences);
        const first = sentences(replies[at]!)[0]!;
        expect(before).not.toContain(first);
        // A new thing that happened, not a comment on what was said.
        expect(first).toMatch(
          /\b(?:friend|best bit|got home|lately|evenings|without|weather|call|fit in)\b/i,
        );
      }
    }
  });

  it("'what about music?' is still the last question asked of something else", async () => {
    const replies = await askAgent(["hi", "what's your favourite food?", "and what about music?"]);
    expect(replies[2]).not.toMatch(/\b(?:friend|best bit|got home)\b/i);
  });

  it("does not tell the same kind of thing twice with another pastime in it", async () => {
    for (const startsAt of ["2025-03-10T19:00:00Z", "2025-03-11T12:00:00Z", "2025-03-12T21:00:00Z"]) {
      const replies = await askAgent(
        ["hi", "I saw a film", "oh nice", "go on", "what else?", "and?"],
        undefined,
        startsAt,
      );
      const leads = replies.slice(3).map((reply) => reply.split(" ").slice(0, 4).join(" "));
      expect(new Set(leads).size, leads.join(" | ")).toBe(leads.length);
    }
  });
});
