import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const shrug = /^(?:Fair enough|Oh, okay|Ha, noted|Good to know|Mm)\b|\bI love that\b/;

describe("what the person goes on to tell after something hard", () => {
  it("is met with care, in words not said yet in that low moment", async () => {
    for (const startsAt of ["2025-03-10T20:00:00Z", "2025-03-11T14:00:00Z"]) {
      const replies = await askAgent(
        [
          "hey..",
          "my dog Biscuit is sick",
          "the vet said it might be his kidneys",
          "I don't know what to do",
          "he's 12",
        ],
        undefined,
        startsAt,
      );
      const carried = replies.slice(2);
      for (const reply of carried) expect(reply, replies.join(" | ")).not.toMatch(shrug);
      expect(new Set(carried.map((r) => r.split(/[.!?]/)[0])).size, replies.join(" | ")).toBe(carried.length);
    }
  });

  it("ends when the person asks something or laughs", async () => {
    const replies = await askAgent(["I feel so lonely lately", "haha anyway", "what are you doing tonight?"]);
    expect(replies[2]).toMatch(/tonight|later|evening|plan/i);
    expect(replies[2]).not.toMatch(/I'm here|sorry|worrying/);
  });
});
