import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

/** 14:00 in Lisbon on a Monday: Mira is at work. */
const atWork = "2025-03-10T14:00:00Z";

describe("a busy companion told goodbye with a question", () => {
  it("answers “can we talk tomorrow?” before its goodbye", async () => {
    const [first, tomorrow] = await askAgent(["hi", "Can we talk tomorrow?"], undefined, atWork);
    expect(first).toMatch(/Can't talk long/);
    expect(tomorrow).toMatch(/^Of course we can/);
  });

  it("answers “bye, talk tomorrow?” too, and never says it does not know", async () => {
    const [, bye] = await askAgent(["hi", "ok bye, talk tomorrow?"], undefined, atWork);
    expect(bye).toMatch(/^Of course we can/);
    expect(bye).not.toMatch(/don't know|not sure|look it up/);
  });
});
