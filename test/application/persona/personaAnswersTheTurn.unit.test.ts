import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Kay", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

/** Facts as the memory index returns them: each knows what it is about. */
const kayFacts = [
  { id: "f1", text: "Kay is a vet in Dublin", score: 0.2, kind: "fact" as const, factKind: "work" as const },
  {
    id: "f2",
    text: "Kay has a parrot called Rio",
    score: 0.3,
    kind: "fact" as const,
    factKind: "pet" as const,
  },
  {
    id: "f3",
    text: "Kay is a big fan of jazz",
    score: 0.25,
    kind: "fact" as const,
    factKind: "preference" as const,
  },
];

describe("a question about the person's own life is answered by a fact of the kind asked", () => {
  it("even when the fact's wording names no job ('a vet', 'a dentist', 'a pilot')", () => {
    for (const personMessage of [
      "What's my job?",
      "What do I do for work?",
      "Do you remember what I do for a living?",
    ])
      for (const text of replies({ personMessage, memories: kayFacts })) {
        expect(text, personMessage).toContain("vet");
        expect(text, personMessage).not.toMatch(/remind me/i);
      }
  });
});

describe("a fact is said back to the person as 'you', under either of their names", () => {
  it("the name they asked to be called, which is not their profile's", () => {
    const memories = [
      ...kayFacts,
      {
        id: "f4",
        text: "Kay31339 likes to be called Kay",
        score: 0.1,
        kind: "fact" as const,
        factKind: "other" as const,
      },
    ];
    for (const text of replies({ personName: "Kay31339", personMessage: "What's my job?", memories })) {
      expect(text).toMatch(/\byou(?:'re| are) a vet in Dublin/);
      expect(text).not.toMatch(/\bkay\b/i);
    }
  });
});

describe("the person asking their own name", () => {
  const withHusband = [
    ...kayFacts,
    {
      id: "f5",
      text: "Kay's husband Tom is a chef",
      score: 0.3,
      kind: "fact" as const,
      factKind: "person" as const,
    },
  ];
  it.each(["What's my name?", "Do you remember my name?", "Who am I?", "Do you know my name?"])(
    "%s is answered with it, not with someone else's",
    (personMessage) => {
      for (const text of replies({ personMessage, memories: withHusband })) {
        expect(text).toMatch(/\bKay\b/);
        expect(text).not.toMatch(/\bTom\b|chef/);
      }
    },
  );
});

describe("where the person lives", () => {
  it("is answered by a fact that places them, even one about their work ('a vet in Dublin')", () => {
    for (const text of replies({ personMessage: "Where do I live?", memories: kayFacts })) {
      expect(text).toContain("Dublin");
      expect(text).not.toMatch(/remind me/i);
    }
  });
});

describe("after a thank-you", () => {
  it("the reply does not ask 'what about you?'", () => {
    for (const text of replies({ personMessage: "Thanks, that helps.", memories: [] }, 30))
      expect(text).not.toMatch(/What about you\?/);
  });
});

describe("the person's weather", () => {
  it("good weather is taken as good news, never as something to wonder at", () => {
    for (const text of replies({ personMessage: "The weather is nice today.", memories: [] })) {
      expect(text).not.toMatch(/Wait, the weather\?|Tell me more/);
      expect(text).toMatch(/enjoy|glad|lovely|lucky/i);
    }
  });

  it("bad weather gets sympathy, not 'what happened?'", () => {
    for (const personMessage of [
      "It's been raining all day here.",
      "The weather is awful here, it's been raining all week.",
    ])
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(/dry|cosy|cozy|warm|ugh|sorry/i);
        expect(text, personMessage).not.toMatch(/What happened|really hard/);
      }
  });
});
