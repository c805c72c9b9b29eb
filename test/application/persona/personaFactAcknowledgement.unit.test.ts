import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { grammarProblems } from "../../support/grammar.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** Replies over several seeds: a regression must hold for every one, not by luck of the seed. */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const sentencesOf = (text: string) =>
  text
    .replace(/\s*\p{Extended_Pictographic}+\s*$/u, "")
    .split(/(?<=[.!?])\s+/)
    .filter(Boolean);

/** The person's sentence said back at them: "Oh, you are a twin?", "you doesn't eat meat". */
const echo =
  /\bOh, you (?:are|have|do|does|doesn't|don't|drive|can't)\b|\byou doesn't\b|\?\s*I didn't know that/;

describe("the offline engine acknowledges a fact it has no words of its own for", () => {
  const told: [string, RegExp][] = [
    ["I'm a morning person.", /A morning person — /],
    ["I'm a cat person", /A cat person — /],
    ["I'm a vegetarian.", /keep that in mind|remember that/],
    ["I don't eat meat.", /How long have you been eating that way\?/],
    ["I'm allergic to peanuts.", /Is it a bad allergy\?/],
    ["I have diabetes.", /How are you getting on with it\?/],
    ["I'm a twin.", /A twin!/],
    ["I have two kids.", /What are they like\?/],
    ["I have a brother.", /Oh, a brother/],
    ["I'm getting married in June.", /big news|exciting|look forward to/],
    ["My birthday is in March.", /How do you usually celebrate\?/],
    ["My favourite colour is green.", /Green — /],
    ["I hate Mondays.", /what did Mondays ever do to you\?/],
    ["I'm 34.", /34 — /],
    ["I drive a Honda.", /didn't know that about you|Good to know|learning these things/],
    ["I can't swim.", /didn't know that about you|Good to know|learning these things/],
  ];

  it("in words of its own, never the person's sentence said back as a question", () => {
    for (const [personMessage, answer] of told)
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(echo);
        for (const sentence of sentencesOf(text))
          expect(grammarProblems(sentence, "title"), sentence).toEqual([]);
      }
  });

  it("ends on its own question about the fact, without changing the subject", () => {
    for (const personMessage of ["I'm allergic to peanuts.", "I'm a twin.", "My birthday is in March."])
      for (const text of replies({ personMessage, memories: [] })) {
        expect(sentencesOf(text).at(-1), text).toMatch(/\?$/);
        expect(text, personMessage).not.toMatch(/°C|Work today|Have you ever tried|What are you up to/);
      }
  });

  it("takes an age or a plan said in passing in its stride, not as big news", () => {
    for (const personMessage of [
      "I will be 45 next week tho",
      "I'll be 45 tomorrow",
      "I have the dentist tomorrow tho",
    ])
      for (const text of replies({ personMessage, memories: [] }))
        expect(text, personMessage).not.toMatch(/big news|exciting|look forward to|Are you excited/);
  });

  it("meets a forgotten birthday as a slip, not a date to remember", () => {
    for (const text of replies({ personMessage: "I forgot my mum's birthday last year", memories: [] }))
      expect(text).not.toMatch(/remember that|won't forget|How do you usually celebrate/);
  });

  it("meets the person's own birthday to come by the age it brings", () => {
    for (const personMessage of ["i'm turning 30 on saturday", "I turn 40 next week"])
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(/(?:^|[.!] )(?:30|40) — that's a big one[.!]/);
        expect(text, personMessage).not.toMatch(/keep that in mind/);
      }
  });

  it("meets a new pet by its kind and name, and asks about it", () => {
    const told: [string, RegExp][] = [
      ["I just got a new puppy called Biscuit", /A puppy — .+Biscuit is .+ name for a puppy.+Biscuit/],
      ["I adopted a kitten named Luna!", /A kitten — .+Luna is .+ name for a kitten/],
      ["I have a hamster.", /hamster.+\?/],
      ["i got a new puppy!! his name is Waffles", /A puppy — .+Waffles is .+ name for a puppy/],
    ];
    for (const [personMessage, answer] of told)
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(/didn't know that about you|Good to know/);
        for (const sentence of sentencesOf(text))
          expect(grammarProblems(sentence, "title"), sentence).toEqual([]);
      }
  });

  it("meets more than one pet as more than one, in any of the languages it reads", () => {
    for (const text of replies({ personMessage: "j'ai deux chats", memories: [] }))
      expect(text).toMatch(/C'est noté|Raconte-moi/);
    for (const personMessage of ["I have two cats", "tengo dos gatos"])
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(/Two cats — .+ (?:What are their names|What are they called)\?/);
        expect(text, personMessage).not.toMatch(/\ba cat\b|Fair enough|Good to know/i);
      }
  });
});
