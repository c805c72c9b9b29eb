import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { readMessage } from "../../../src/application/persona/personaReading.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { grammarProblems } from "../../support/grammar.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** As the dialogue score reads chat lines: short lines and questions may go without a verb. */
function wholeSentenceProblems(sentence: string): string[] {
  const short = sentence.split(/\s+/).length <= 6 || sentence.endsWith("?");
  return grammarProblems(sentence).filter(
    (problem) => !problem.startsWith("no subject") && !(short && problem === "has no verb"),
  );
}

/** Replies over several seeds: a regression must hold for every one, not by luck of the seed. */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const story = /a little story|this week I tried/i;
// 2025-05-02 is a Friday: 19:30 in Lisbon (after the studio closes), 11:00 (at it), a Sunday.
const evening = new Date("2025-05-02T18:30:00Z");
const midday = new Date("2025-05-02T10:00:00Z");
const sunday = new Date("2025-05-04T10:00:00Z");
const saturday = new Date("2025-05-03T18:30:00Z");

describe("the offline engine talks about its own work", () => {
  it('"Tell me about your work" and "What do you do?" name the job and what it involves, not a story', () => {
    expect(readMessage("Tell me about your work.").kind).toBe("about-agent");
    for (const personMessage of [
      "Tell me about your work.",
      "What do you do?",
      "what do you do for a living?",
    ])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).not.toMatch(story);
        expect(text, personMessage).toMatch(/^I(?:'m| work as) an illustrator/);
        expect(text, personMessage).toMatch(/draw/i);
        expect(text, personMessage).not.toMatch(/Work today was all about/);
      }
  });

  it('"How was work today?" answers by the agent\'s clock: done, at it, or a day off', () => {
    const asked = (now: Date) => replies({ personMessage: "How was work today?", now }).join("\n");
    expect(asked(evening)).toMatch(/Long, but good|Busy!|Good, thanks/);
    expect(asked(midday)).toMatch(/I'm still at the studio|Still going/);
    expect(asked(sunday)).toMatch(/day off|no work for me/);
    for (const now of [evening, midday, sunday])
      for (const text of replies({ personMessage: "How was work today?", now })) {
        expect(text).not.toMatch(/^I'm an illustrator/);
        expect(text).not.toMatch(/Work today was all about/);
      }
  });

  it("the day after a day shift is a day off, however the question asks after work", () => {
    for (const personMessage of ["How was work today? busy?", "how was your shift?", "How was work?"]) {
      expect(readMessage(personMessage).question, personMessage).toBe("work");
      for (const text of replies({ personMessage, now: saturday })) {
        expect(text, personMessage).toMatch(/day off|no work for me/);
        expect(text, personMessage).not.toMatch(/Nothing dramatic|it was all about|it was mostly/);
      }
    }
  });

  it('"Are you working today?" is answered yes or no', () => {
    for (const text of replies({ personMessage: "Are you working today?", now: midday }))
      expect(text).toMatch(/\bYes, I'm at the studio/);
    for (const text of replies({ personMessage: "Are you working today?", now: sunday }))
      expect(text).toMatch(/^No, Sunday is my day off/);
  });

  it('"Do you like your job?" says whether and why, in the first person', () => {
    for (const text of replies({ personMessage: "Do you like your job?" })) {
      expect(text).toMatch(/^(?:I really do|Honestly, I love it|Most days, yes)/);
      expect(text).toMatch(/The best part is/);
    }
    const varied = new Set(
      replies({ personMessage: "Do you like your job?" }).map((t) => t.split(/[.!]/)[0]),
    );
    expect(varied.size).toBeGreaterThan(1);
  });

  it("a retired pianist talks about the job it had, never about a workday", () => {
    const identity = {
      homeCity: "New Orleans",
      country: "United States",
      occupation: "retired jazz pianist",
      timezone: "America/Chicago",
    };
    for (const personMessage of ["What do you do?", "How was work today?", "Do you like your job?"])
      for (const text of replies({ identity, lifeEvents: [], personMessage })) {
        expect(text, personMessage).toMatch(/retired|jazz pianist/);
        expect(text, personMessage).not.toMatch(/Work (?:today )?was|at the studio|I start at/);
      }
  });

  it('"What do you do for fun?" and "Tell me about yourself" are about the agent, not its job or a shrug', () => {
    for (const text of replies({ personMessage: "What do you do for fun?" })) {
      expect(text).toMatch(/pottery/);
      expect(text).not.toMatch(/illustrator|What's your take|big one/);
    }
    for (const text of replies({ personMessage: "Tell me about yourself" })) {
      expect(text).toMatch(/^I'm Mia, an illustrator in Lisbon/);
      expect(text).not.toMatch(/What's your take|big one|story/);
    }
  });

  it("work answers are whole sentences", () => {
    for (const personMessage of ["Tell me about your work.", "How was work today?", "Do you like your job?"])
      for (const now of [evening, midday, sunday])
        for (const text of replies({ personMessage, now }, 6))
          for (const sentence of text.replace(/\s*\p{Extended_Pictographic}+$/u, "").split(/(?<=[.!?])\s+/))
            expect(wholeSentenceProblems(sentence), sentence).toEqual([]);
  });

  it("tells the joke it was asked for even when busy, not only the lead-in", () => {
    const punchlines = /outstanding in his field|grow on me|An impasta|crack each other up/;
    for (const now of [midday, evening])
      for (const text of replies({ personMessage: "Tell me a joke", now }))
        expect(text, now.toISOString()).toMatch(punchlines);
  });
});
