import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/application/memory/factExtractor.ts";
import { conjugate, isTautology, thirdPerson } from "../../../src/application/memory/thirdPerson.ts";

const told = (text: string, name = "Sam") => extractFacts(text, { personName: name, agentName: "Mira" });

describe("third-person rewriting", () => {
  it.each([
    ["I grew up in Galway", "Sam grew up in Galway"],
    ["I always forget by lunchtime", "Sam always forgets by lunchtime"],
    ["I always forget my keys by lunchtime", "Sam always forgets their keys by lunchtime"],
    ["I have two cats", "Sam has two cats"],
    ["I don't like spicy food", "Sam doesn't like spicy food"],
    ["I go climbing on Sundays", "Sam goes climbing on Sundays"],
    ["I watch a lot of anime", "Sam watches a lot of anime"],
    ["I study law", "Sam studies law"],
    ["I'm from Porto originally", "Sam is from Porto originally"],
    ["I've lived in Seoul for five years", "Sam has lived in Seoul for five years"],
    ["I'll be in Paris next week", "Sam will be in Paris next week"],
    ["I can't eat gluten", "Sam can't eat gluten"],
    ["I broke my ankle skiing", "Sam broke their ankle skiing"],
    ["My cat sleeps on my keyboard", "Sam's cat sleeps on Sam's keyboard"],
    ["My grandmother raised me", "Sam's grandmother raised Sam"],
    ["Dad passed away two years ago", "Sam's dad passed away two years ago"],
    ["Call me Sammy", "Sam likes to be called Sammy"],
    ["my parrot Kiwi talks more than I do", "Sam's parrot Kiwi talks more than Sam does"],
  ])("%s → %s", (clause, expected) => {
    expect(thirdPerson(clause, "Sam")).toEqual({ text: expected, wording: "rewritten" });
  });

  it("names who “we” are when the sentence says so, and quotes the person when it does not", () => {
    expect(told("My wife and I live in Cork and we have two kids.").map((f) => f.text)).toEqual([
      "Sam and Sam's wife live in Cork",
      "Sam and Sam's wife have two kids",
    ]);
    expect(told("We moved to Leeds last spring.").map((f) => f.wording)).toEqual(["quoted"]);
    // A pet "we" adopted is the person's pet whoever else "we" are.
    expect(told("We adopted a cat called Miso last spring.")).toEqual([
      {
        text: "Sam has a cat called Miso",
        kind: "pet",
        quote: "We adopted a cat called Miso last spring",
        sourceText: "We adopted a cat called Miso last spring.",
        wording: "rewritten",
        pet: { species: "cat", name: "Miso" },
      },
    ]);
  });

  it("leaves past tenses, modals and non-verbs alone", () => {
    expect(conjugate("grew")).toBe("grew");
    expect(conjugate("moved")).toBe("moved");
    expect(conjugate("can")).toBe("can");
    expect(conjugate("forget")).toBe("forgets");
    expect(conjugate("fly")).toBe("flies");
    expect(conjugate("own")).toBe("owns");
  });

  it("keeps the person's words beside the rewrite", () => {
    expect(told("Oh, I grew up in Galway, you know")).toEqual([
      {
        text: "Sam grew up in Galway",
        kind: "place",
        quote: "I grew up in Galway",
        sourceText: "Oh, I grew up in Galway, you know",
        wording: "rewritten",
      },
    ]);
  });
});

describe("what is never a fact", () => {
  it("a tautology: the person's own name said back", () => {
    expect(told("I'm Nora.", "Nora")).toEqual([]);
    expect(told("My name is Nora.", "Nora")).toEqual([]);
    expect(isTautology("Nora is Nora", "Nora")).toBe(true);
    expect(isTautology("Nora's name is Nora", "Nora")).toBe(true);
    expect(isTautology("Nora is a nurse", "Nora")).toBe(false);
  });

  it("a name that differs from the one on the profile is worth keeping", () => {
    expect(told("I'm Nora.", "moonlight").map((f) => f.text)).toEqual(["Moonlight likes to be called Nora"]);
  });

  it("a self-introduction records the name the person wants, never two names equated", () => {
    for (const said of [
      "Hi Mia! I'm Nora",
      "I'm Nora, by the way",
      "My name is Nora",
      "My name's Nora.",
      "Call me Nora",
      "I go by Nora",
    ])
      expect(told(said, "Alice").map((f) => f.text)).toEqual(["Alice likes to be called Nora"]);
    expect(told("My name is Alice", "Alice")).toEqual([]);
    expect(told("I'm Zoë", "Alice").map((f) => f.text)).toEqual(["Alice likes to be called Zoë"]);
  });

  it("compliments and anything said to or about the agent", () => {
    expect(told("You're so sweet, Nora loves talking with you", "Nora")).toEqual([]);
    expect(told("You're so sweet, I love talking with you!", "Nora")).toEqual([]);
    expect(told("Mira, I think you're wonderful")).toEqual([]);
    expect(told("My sister is a painter like you.").map((f) => f.text)).toEqual([
      "Sam's sister is a painter",
    ]);
  });

  it("questions, with or without a question mark", () => {
    expect(told("Do you remember what my sister is called?")).toEqual([]);
    expect(told("can you guess where I grew up")).toEqual([]);
  });

  it("passing states and one-off events", () => {
    expect(told("I'm so tired today. I just got home. My sister sent me a funny video.")).toEqual([]);
    expect(told("We moved the sofa into the living room.")).toEqual([]);
  });
});
