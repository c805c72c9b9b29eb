import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";
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

describe("a companion woken at night told goodnight with a question", () => {
  it("says yes to talking tomorrow with its goodnight", () => {
    // 02:30 in Lisbon: Mia is asleep, and wakes up for someone close.
    const input = miaInput({
      personName: "Alex",
      memories: [],
      now: new Date("2025-05-03T01:30:00Z"),
      affinity: 70,
      personMessage: "night! can we talk tomorrow?",
    });
    const context = buildReplyPrompt(input).context;
    expect(context.availability.replyMode).toBe("sleepy");
    for (let seed = 0; seed < 8; seed++) {
      const text = composeReply(context, seed);
      expect(text).toMatch(/night, Alex/i);
      expect(text).toMatch(/Of course we can/);
    }
  });
});
