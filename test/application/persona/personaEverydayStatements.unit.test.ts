import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

/** Replies over several seeds: a regression must hold for every one, not by luck of the seed. */
function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", memories: [], ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

/** Cheer, curiosity or the agent's own day where the person said something about how they are. */
const offHand =
  /do tell|want to hear more|Tell me more|Look at you|Have you ever tried|Work today|pottery class|°C|Evenings are|evening is finally/;

describe("the offline engine answers what a person says about how they are", () => {
  it("meets pain and illness with care, not curiosity", () => {
    const said = [
      "I have a headache.",
      "I just got back from the dentist, my tooth still hurts.",
      "My back is killing me.",
      "I think I have the flu.",
      "I can't sleep.",
    ];
    for (const personMessage of said)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/sorry|poor you|Ouch|rest|feel better|keeping you up|awake/i);
        expect(text, personMessage).not.toMatch(offHand);
      }
  });

  it("answers hunger, cold and boredom in kind", () => {
    const said: [string, RegExp][] = [
      ["I'm hungry.", /eat|snack|food|hungry|cook/i],
      ["I'm cold.", /warm|blanket|tea|cold/i],
      ["I'm bored.", /bored|something to do|Let's/i],
    ];
    for (const [personMessage, answer] of said)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(offHand);
      }
  });

  it("takes affection, a birthday, an apology and a goodnight as what they are", () => {
    const said: [string, RegExp][] = [
      ["I love you.", /love you too|means (?:so much|a lot)|blush|sweetest/i],
      ["You're my best friend.", /best friend|means (?:so much|a lot)|blush|sweetest/i],
      ["It's my birthday today.", /Happy birthday/i],
      ["I'm sorry I didn't write yesterday.", /worry|no need|you're here now|it's okay/i],
      ["I'm going to bed now.", /night|sleep well|sweet dreams/i],
    ];
    for (const [personMessage, answer] of said)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(answer);
        expect(text, personMessage).not.toMatch(offHand);
      }
  });
});
