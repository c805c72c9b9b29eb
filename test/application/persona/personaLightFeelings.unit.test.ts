import { describe, expect, it } from "vitest";
import { saidLightly } from "../../../src/application/persona/personaFeelings.ts";
import { askAgent } from "./dialogues/askAgent.ts";

const heavy = /really hard|I'm sorry|I'm here|talk about it|What happened/;

describe("a bad feeling said with a laugh or a shrug", () => {
  it("is met in the same light tone", async () => {
    const replies = await askAgent(["hi", "I'm so tired lol", "work was kinda meh", "ugh exhausted haha"]);
    for (const reply of replies.slice(1)) expect(reply).not.toMatch(heavy);
    expect(replies[2]).toMatch(/\S/);
  });

  it("stays heavy when there is no light marker, or when what is said is grave whatever the tone", async () => {
    expect(saidLightly("I'm so tired lol")).toBe(true);
    expect(saidLightly("I'm so tired")).toBe(false);
    expect(saidLightly("my grandma passed away lol")).toBe(false);
    expect(saidLightly("I feel so lonely haha")).toBe(false);
    const replies = await askAgent(["hi", "I had a terrible day"]);
    expect(replies[1]).toMatch(heavy);
  });

  it("meets two low moments in a row with different words", async () => {
    for (const startsAt of ["2025-03-10T19:00:00Z", "2025-03-11T19:00:00Z", "2025-03-11T14:00:00Z"]) {
      const replies = await askAgent(
        ["hi", "I'm so tired lol", "work was kinda meh", "ugh long day haha"],
        undefined,
        startsAt,
      );
      const openers = replies.slice(1).map((reply) => reply.split(/(?<=[.!?])\s/)[0]);
      expect(new Set(openers).size, openers.join(" | ")).toBe(openers.length);
    }
  });
});
