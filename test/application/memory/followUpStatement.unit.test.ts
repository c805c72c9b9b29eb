import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";
import {
  mayBeFollowUp,
  previousTurnAt,
  resolveFollowUp,
} from "../../../src/application/memory/followUpStatement.ts";

const afterExam = { person: "I have an exam tomorrow", agent: "Ooh. How are you feeling about it?" };

describe("a follow-up statement resolved to the subject of the turn before", () => {
  it.each([
    ["It's chemistry", "My exam is about chemistry"],
    ["it's about organic chemistry.", "My exam is about organic chemistry"],
    ["Oh, it's on Friday", "My exam is on Friday"],
    ["It's in the main hall", "My exam is in the main hall"],
    ["It's on Friday at 3pm", "My exam is on Friday at 3pm"],
  ])("%s → %s", (text, expected) => {
    expect(resolveFollowUp(text, afterExam)).toBe(expected);
  });

  it.each([
    "It's fine",
    "it's hard",
    "that's so stressful",
    "It's chemistry?",
    "I love chemistry",
    "It's my birthday",
    "It's 3am",
    "It's cold here",
  ])("leaves %s alone: it says how it is, asks, or stands on its own", (text) => {
    expect(resolveFollowUp(text, afterExam)).toBeNull();
  });

  it("needs something before that names what “it” is", () => {
    expect(resolveFollowUp("It's chemistry", { person: "I'm tired", agent: "Long day?" })).toBeNull();
    expect(resolveFollowUp("It's chemistry", {})).toBeNull();
  });

  it("takes the subject from the agent's question when the person's message named none", () => {
    expect(
      resolveFollowUp("It's about the Romans", { person: "ugh", agent: "How is your essay going?" }),
    ).toBe("My essay is about the Romans");
  });

  it("records the follow-up as a fact of the kind the statement before was", () => {
    const facts = extractFacts("It's chemistry", { personName: "Sam", previous: afterExam });
    expect(facts.map(({ text, kind, quote }) => ({ text, kind, quote }))).toEqual([
      { text: "Sam's exam is about chemistry", kind: "plan", quote: "It's chemistry" },
    ]);
    expect(extractFacts("It's chemistry", { personName: "Sam" })).toEqual([]);
  });

  it("finds the turn before a message in a conversation", () => {
    const messages = [
      { author: "person" as const, text: "I have an exam tomorrow" },
      { author: "agent" as const, text: "How do you feel?" },
      { author: "person" as const, text: "It's chemistry" },
    ];
    expect(previousTurnAt(messages, 2)).toEqual({
      person: "I have an exam tomorrow",
      agent: "How do you feel?",
    });
    expect(previousTurnAt(messages, 0)).toEqual({ person: null, agent: null });
  });

  it("tells cheaply which messages could be follow-ups, so the rest need no read of the turn before", () => {
    for (const text of ["It's chemistry", "yeah it's on Friday.", "That's in Leeds"])
      expect(mayBeFollowUp(text)).toBe(true);
    for (const text of ["I have an exam tomorrow", "Turn 12", "Is it chemistry?", "It's chemistry?"])
      expect(mayBeFollowUp(text)).toBe(false);
  });
});
