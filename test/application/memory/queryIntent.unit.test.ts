import { describe, expect, it } from "vitest";
import { intentOf, kindOfFactText, relatedKindsOf } from "../../../src/application/memory/queryIntent.ts";

describe("what a message asks about", () => {
  it.each([
    ["What do I do for a living?", "work"],
    ["Where did I spend my childhood?", "place"],
    ["Do you remember my sibling's name?", "person"],
    ["What's my pup called again?", "pet"],
    ["When do I turn a year older?", "date"],
    ["What kind of music am I into?", "preference"],
    ["Is there any food I have to stay away from?", "health"],
    ["Where am I travelling this autumn?", "plan"],
    ["What's on for me this evening?", "plan"],
    ["Have I got anything at 5:30?", "plan"],
    ["Remind me what I have at 9?", "plan"],
  ] as const)("%s → %s", (message, kind) => {
    expect(intentOf(message).kinds).toContain(kind);
  });

  it("reads “what do you remember about me?” as asking after every kind of fact", () => {
    for (const message of [
      "What do you remember about me?",
      "what do you know about me",
      "tell me what you know about me",
    ])
      expect(intentOf(message).kinds, message).toEqual(
        expect.arrayContaining(["work", "person", "preference", "plan", "pet", "place"]),
      );
  });

  it("reads “for a living” as work, not as a place to live", () => {
    const intent = intentOf("What do I do for a living?");
    expect(intent.kinds).toEqual(["work"]);
    expect(intent.expanded).toContain("job");
  });

  it("leaves small talk without an intent and unexpanded", () => {
    expect(intentOf("haha that's hilarious")).toEqual({ kinds: [], expanded: "haha that's hilarious" });
  });

  it("gives a fact written as text its kind, and the kinds it touches on", () => {
    expect(kindOfFactText("Sam works as a nurse")).toBe("work");
    expect(kindOfFactText("Sam's sister Ana lives in Lisbon")).toBe("person");
    expect(relatedKindsOf("Sam is thinking of moving to Canada next year", "plan")).toContain("place");
  });
});
