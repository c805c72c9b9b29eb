import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Alex", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const mia = miaInput();
const withInterests = (interests: string[]): Partial<ReplyPromptInput> => ({
  persona: { ...mia.persona, interests },
});

/** A yes the agent has nothing to ground on. */
const madeUp =
  /Now and then, yes|I do, when I get the chance|A little, yes|Sure, I can do that|go with your gut/;

describe("the offline engine answers what the agent can or does do from what it knows of itself", () => {
  it('"Can you sing?" asks about an ability; "sing me a song" asks for one', () => {
    for (const personMessage of ["Can you sing?", "can you sing well?", "Could you ever dance?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).not.toMatch(madeUp);
        expect(text, personMessage).toMatch(/^(?:Not really|Not much|Honestly)/);
      }
    for (const text of replies({
      personMessage: "Can you sing?",
      ...withInterests(["choir singing", "tea"]),
    }))
      expect(text).toMatch(/^(?:I do|Yes)\b.*choir singing/);
    for (const text of replies({ personMessage: "can you sing?", ...withInterests(["karaoke nights"]) }))
      expect(text).toMatch(/^(?:I do|Yes)\b.*karaoke/);
    for (const personMessage of ["Can you sing me a song?", "sing me something", "could you sing for me?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).not.toMatch(madeUp);
        expect(text, personMessage).toMatch(/🎵/);
      }
  });

  it("a question about sports or instruments is answered from the agent's interests, or honestly", () => {
    for (const personMessage of ["Do you play any sport?", "Do you do any sports?", "are you sporty?"])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).not.toMatch(madeUp);
        const [answer] = text.split(/[.!?]/);
        expect(answer, personMessage).toMatch(/bouldering/);
        expect(answer, personMessage).not.toMatch(/pottery|film photography/);
      }
    for (const text of replies({
      personMessage: "Do you play any sport?",
      ...withInterests(["tea", "skincare", "runes", "divination"]),
    })) {
      expect(text).not.toMatch(madeUp);
      expect(text).toMatch(/^Not really/);
    }
    for (const personMessage of [
      "Do you play any instruments?",
      "Do you play guitar?",
      "do you play the piano?",
    ])
      for (const text of replies({ personMessage })) {
        expect(text, personMessage).not.toMatch(madeUp);
        expect(text, personMessage).toMatch(/^(?:Not really|No)/);
      }
    for (const personMessage of ["Do you play any instruments?", "Do you play the cello?"])
      for (const text of replies({ personMessage, ...withInterests(["cello", "tea"]) }))
        expect(text, personMessage).toMatch(/^(?:I do|Yes)\b.*cello/);
    for (const text of replies({
      personMessage: "Do you play football?",
      ...withInterests(["five-a-side football"]),
    }))
      expect(text).toMatch(/^(?:I do|Yes)\b.*football/);
  });

  it("an instrument it plays for a living is a yes; another is not", () => {
    const pianist = { identity: { ...mia.identity, occupation: "retired jazz pianist" } };
    for (const text of replies({ personMessage: "do you still play the piano?", ...pianist }))
      expect(text).toMatch(/^Of course — I'm a retired jazz pianist/);
    for (const text of replies({ personMessage: "Do you play the violin?", ...pianist }))
      expect(text).toMatch(/^(?:Not really|No)/);
  });

  it('"Do you watch football?" is a question about the agent, not an invitation', () => {
    for (const text of replies({ personMessage: "Do you watch football?" })) {
      expect(text).not.toMatch(/I'm in for|Count me in|I'd love that/);
      expect(text).not.toMatch(madeUp);
    }
  });

  it("a yes-or-no question about its life it knows nothing of gets no made-up yes", () => {
    for (const personMessage of [
      "Do you drive?",
      "Would you ever move abroad?",
      "Did you go out last night?",
      "Have you ever been skiing?",
    ])
      for (const text of replies({ personMessage })) expect(text, personMessage).not.toMatch(madeUp);
  });

  it("speaks its country's language and English, and says so", () => {
    for (const text of replies({ personMessage: "Do you speak Portuguese?" }))
      expect(text).toMatch(/^(?:Yes|I do)/);
    for (const text of replies({ personMessage: "Do you speak English?" }))
      expect(text).toMatch(/^(?:Yes|I do)/);
    for (const text of replies({ personMessage: "Can you speak Japanese?" })) {
      expect(text).not.toMatch(madeUp);
      expect(text).toMatch(/^(?:Not really|Only a few words|No)/);
      expect(text).toMatch(/Portuguese/);
    }
  });
});
