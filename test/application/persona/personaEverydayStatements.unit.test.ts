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

  it("works out simple sums instead of shrugging", () => {
    const asked: [string, RegExp][] = [
      ["What's 12 times 7?", /\b84\b/],
      ["What's 2 plus 2?", /\b4\b/],
      ["what is 100 divided by 4", /\b25\b/],
      ["How much is 15 - 20?", /(?:minus |-)5\b/],
    ];
    for (const [personMessage, result] of asked)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(result);
        expect(text, personMessage).not.toMatch(/big one|What's your take|it depends|let me think/);
      }
  });

  it("does not take a sum asked without a question mark for something the person told", () => {
    const recentMessages = [
      { author: "person" as const, text: "what is 100 divided by 4", at: "2025-05-02T18:28:00Z" },
      { author: "agent" as const, text: "That's 25!", at: "2025-05-02T18:28:05Z" },
    ];
    for (const text of replies({ personMessage: "What's 1 divided by 4?", recentMessages }))
      expect(text).toMatch(/That's 0\.25/);
  });

  it("says plainly when it does not know a fact, instead of asking back", () => {
    for (const personMessage of [
      "What's the capital of Narnia?",
      "Who won the World Cup in 2018?",
      "How tall is Mount Everest?",
      "When did the Berlin Wall fall?",
    ])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/don't know|not sure|look it up|no idea/i);
        expect(text, personMessage).not.toMatch(
          /big one|What's your take|it depends|let me think|good question/,
        );
      }
  });

  it("does not make light of grave subjects when asked its opinion", () => {
    for (const personMessage of ["What do you think about climate change?", "What do you think of the war?"])
      for (const text of replies({ personMessage }))
        expect(text, personMessage).not.toMatch(/underrated|fascinating|in a good way/);
  });

  it("takes up what the person did or is learning, instead of asking about its own interests", () => {
    const said: [string, RegExp][] = [
      ["I watched Dune last night.", /Dune/],
      ["I just finished reading The Hobbit!", /The Hobbit/],
      ["I went to a jazz concert yesterday.", /jazz concert/],
      ["I'm learning to play the guitar.", /guitar/],
    ];
    for (const [personMessage, thing] of said)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(thing);
        expect(text, personMessage).toMatch(/\?/);
        expect(text, personMessage).not.toMatch(/Have you ever tried|want to hear more/);
      }
  });

  it("is glad with the person about someone close coming to visit", () => {
    const said: [string, RegExp][] = [
      ["My sister Clara is visiting next week from Berlin.", /Clara/],
      ["My mum is coming to stay with us on Friday!", /your mum/i],
    ];
    for (const [personMessage, who] of said)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(who);
        expect(text, personMessage).toMatch(/lovely|how nice|exciting/i);
        expect(text, personMessage).toMatch(/\?/);
      }
  });

  it('brings up a memory only when it is about what was said, not because both say "think"', () => {
    const memories = [{ id: "m1", text: "Alex is thinking of learning Spanish", score: 0.3 }];
    for (const personMessage of ["I think I'm getting sick.", "What do you think about climate change?"])
      for (const text of replies({ personMessage, memories }))
        expect(text, personMessage).not.toMatch(/Spanish/);
  });

  it("sides with the person when someone treated them badly", () => {
    for (const personMessage of [
      "My boss yelled at me in front of everyone.",
      "My coworker was so rude to me today.",
    ])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(/sorry|hard|awful|not okay|deserve/i);
        expect(text, personMessage).not.toMatch(offHand);
      }
  });

  it('meets a worry about something coming up with encouragement, not "what happened?"', () => {
    for (const personMessage of [
      "I'm nervous about my exam tomorrow.",
      "I'm worried about my job interview on Monday.",
    ])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).not.toMatch(/What happened/);
        expect(text, personMessage).toMatch(/got this|do great|nerve|ready|prepare|worr/i);
      }
  });

  it("takes a fear of spiders or heights as a fear, not as bad news", () => {
    for (const [personMessage, thing] of [
      ["I'm scared of spiders.", /spiders/],
      ["I'm terrified of heights!", /heights/],
    ] as const)
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).toMatch(thing);
        expect(text, personMessage).not.toMatch(/What happened|talk about it/);
      }
  });
});
