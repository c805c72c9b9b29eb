import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { grammarProblems } from "../../support/grammar.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** Replies over several seeds: a regression must hold for every one, not by luck of the seed. */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

/** The agent talking about its own day or asking about something else instead. */
const ownChatter =
  /illustrator|Today was all about|Work today|°C|Evenings are my favourite|pottery|Have you ever tried|What are you up to|How's your day/;

/** The reply's sentences without the emoji a speaking style may add. */
const sentencesOf = (text: string) =>
  text
    .replace(/\s*\p{Extended_Pictographic}+\s*$/u, "")
    .split(/(?<=[.!?])\s+/)
    .filter(Boolean);

describe("the offline engine takes up what the person shares about their own life", () => {
  it('"I work as a nurse." is about their work, not the agent\'s', () => {
    expect(readMessage("I work as a nurse.").question).toBeNull();
    for (const text of replies({ personMessage: "I work as a nurse.", memories: [] })) {
      expect(text).toMatch(/A nurse — (?:that must be demanding|that's such important work)/);
      expect(text).toMatch(/Do you work nights\?|Are the shifts long\?/);
      expect(text).not.toMatch(ownChatter);
    }
  });

  it("takes up a job, studies, a home or a hobby with a remark and one question about it", () => {
    const told: [string, RegExp][] = [
      [
        "I'm a teacher at a primary school.",
        /A teacher — .*(?:What do you teach|How old are your students)\?/,
      ],
      ["I'm a software engineer.", /A software engineer — /],
      ["I work at a bakery.", /a bakery.*(?:worked there|like it there|do there)\?/i],
      ["I work nights at the hospital.", /Nights at the hospital — that must be tiring/],
      ["I'm studying medicine.", /Medicine — .*(?:choose medicine|What year are you in|enjoying it)\?/],
      ["I study law at university.", /Law — /],
      ["I'm a student.", /What are you studying/],
      ["I live in Leeds.", /Leeds.*(?:living there|lived there)\?/],
      ["I just moved to Berlin.", /Berlin.*(?:settling in|made you move)\?/],
      ["I grew up in Galway.", /Galway.*(?:go back much|growing up there)\?/],
      ["I love hiking.", /Hiking — /],
      ["My hobby is painting.", /Painting — /],
      ["I play the guitar.", /the guitar.*(?:been playing|like to play)\?/i],
      ["I do yoga every morning.", /Yoga — /],
    ];
    for (const [personMessage, answer] of told)
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(ownChatter);
        const sentences = sentencesOf(text);
        expect(sentences.at(-1), text).toMatch(/\?$/);
        expect(
          sentences.filter((s) => s.endsWith("?")),
          text,
        ).toHaveLength(1);
        // A remark may be a phrase ("Leeds!"): capitals, spacing and doubled words are checked.
        for (const sentence of sentences.slice(-2))
          expect(grammarProblems(sentence, "title"), sentence).toEqual([]);
      }
  });

  it("asks about the job even when it remembers it, and ends on that question", () => {
    const memories = [{ id: "m4", text: "Alex works as a nurse", score: 0.4 }];
    for (const text of replies({ personMessage: "I work as a nurse.", memories })) {
      expect(sentencesOf(text).at(-1), text).toMatch(/\?$/);
      expect(text).not.toMatch(ownChatter);
    }
  });

  it("takes up a job inside a hello, after the hello", () => {
    for (const text of replies({ personMessage: "Hi Mia! I work as a nurse.", memories: [] })) {
      expect(text).toMatch(/^(?:Hey|Hi|Good \w+|Morning),? Alex/);
      expect(text).toMatch(/A nurse — /);
      expect(text).not.toMatch(ownChatter);
    }
  });

  it("says the person's words back as theirs", () => {
    for (const text of replies({ personMessage: "I love walking my dog in the park.", memories: [] }))
      expect(text).not.toMatch(/\bmy dog\b/);
    for (const text of replies({ personMessage: "My hobbies are reading and chess.", memories: [] }))
      expect(text).toMatch(/Reading and chess — .*(?:get into them|got you started)\?/);
  });

  it("still answers a remark that asks about the agent's work", () => {
    expect(readMessage("Tell me about your work.").question).toBe("work");
    expect(readMessage("I wonder what your job is like").question).toBe("work");
  });

  it("acknowledges where someone close lives or works, and asks about them", () => {
    const told: [string, RegExp][] = [
      ["My sister Lena lives in Porto", /Lena in Porto.*(?:see her often|visited her there)\?/],
      ["My sister lives in Porto.", /Your sister in Porto.*her/i],
      [
        "my brother Tom works at a bank",
        /Tom works at a bank — good to know.*(?:Does he like it|been there)\?/,
      ],
      ["My parents moved to Lisbon.", /your parents in Lisbon.*them/i],
      ["my best friend moved to Berlin last year", /your best friend in Berlin(?! last).*them/i],
      ["my parents work at a bank", /Your parents work at a bank — good to know.*(?:Do they|have they)/],
      ["My husband works from home", /Your husband works from home — good to know.*Does he like it\?/],
    ];
    for (const [personMessage, answer] of told)
      for (const text of replies({ personMessage, memories: [] })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(/Wait, your|Tell me more|I want to hear more/);
        expect(text, personMessage).not.toMatch(ownChatter);
        for (const sentence of sentencesOf(text))
          expect(grammarProblems(sentence, "title"), sentence).toEqual([]);
      }
  });
});
