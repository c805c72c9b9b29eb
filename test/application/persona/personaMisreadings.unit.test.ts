import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", memories: [], ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

/** Words that fit none of these lines: curiosity about nothing, a shrug, a mishap's sympathy. */
const offHand = /do tell|Have you ever tried|look it up|That's so frustrating/;
/** The agent's own day or weather, after a line that wants an answer and nothing more. */
const chatter = /Work today|pottery class|°C|Evenings are|evening is finally/;

describe("the offline engine does not misread everyday lines", () => {
  const cases: [string, RegExp][] = [
    ["Sorry, I have to go.", /Talk soon|Take care|night|bye|later/i],
    ["Can you speak slower?", /sorry|slow/i],
    ["What makes you happy?", /pottery|film photography|bouldering|simple things/i],
    ["Can we be friends?", /already are|I'd like that|of course/i],
  ];
  for (const [personMessage, answer] of cases)
    it(`"${personMessage}"`, () => {
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(offHand);
        expect(text, personMessage).not.toMatch(/Don't worry about it|few words of|wonderful news/);
      }
    });
});

describe("the offline engine meets more everyday lines in kind", () => {
  const cases: [string, RegExp][] = [
    ["I'm getting married!", /congratulations|wonderful|love that|amazing|Look at you|celebrat/i],
    ["I don't feel like talking.", /okay|that's fine|here whenever|no pressure/i],
    ["You're annoying.", /ouch|sorry|what did I/i],
    ["Do you think I'm boring?", /\bNo\b|not at all/i],
    ["Guess what!", /What\?|tell me/i],
    ["I'm home.", /welcome (?:back|home)/i],
  ];
  for (const [personMessage, answer] of cases)
    it(`"${personMessage}"`, () => {
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(offHand);
        if (/talking|annoying/.test(personMessage)) expect(text, personMessage).not.toMatch(chatter);
      }
    });
});
