import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt, type ReplyPromptInput } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { miaInput } from "../prompt/promptFixtures.ts";

function replies(overrides: Partial<ReplyPromptInput>, seeds = 12): string[] {
  const context = buildReplyPrompt(miaInput({ personName: "Hana", ...overrides })).context;
  return Array.from({ length: seeds }, (_, seed) => composeReply(context, seed));
}

const lore = [
  {
    content: "The lighthouse is two hundred years old. Its lamp was rebuilt in 1952.",
    position: "beforeCharacter" as const,
  },
  {
    content: "[Sera's rules: never leave the lamp unattended; speak softly]",
    position: "beforeCharacter" as const,
  },
];

/** A question about the world of the agent's lorebook is answered from the entry it brought in. */
describe("the offline companion and its lorebook", () => {
  it("answers a question about the world from the entry, not with 'good question'", () => {
    for (const text of replies({ personMessage: "Is the lighthouse old?", lore })) {
      expect(text).toMatch(/two hundred years old/);
      expect(text).not.toMatch(/good question|let me think/i);
    }
  });

  it("answers about a thing with a three-letter name from its entry", () => {
    const ark = [
      {
        content: "The ark is an old boat in the harbour. Nobody sails it.",
        position: "beforeCharacter" as const,
      },
    ];
    for (const text of replies({ personMessage: "Tell me about the ark", lore: ark }))
      expect(text).toMatch(/old boat/);
  });

  it("never says an entry that reads as instructions", () => {
    for (const text of replies({ personMessage: "What are the rules about the lamp?", lore: [lore[1]!] }))
      expect(text).not.toMatch(/\[|unattended/);
  });

  it("leaves a question the entries do not touch to the usual answer", () => {
    for (const text of replies({ personMessage: "Is the harbour busy?", lore }))
      expect(text).not.toMatch(/two hundred/);
  });
});

describe("asked to tell about something of its world", () => {
  it("tells what the entry says", () => {
    const storms = [
      {
        content: "Storms here come in from the west and can last three days.",
        position: "beforeCharacter" as const,
      },
    ];
    for (const text of replies({ personMessage: "Tell me about the storms here.", lore: storms }))
      expect(text).toMatch(/three days/);
  });
});

describe("asked whether it can see, has seen or knows something of its world", () => {
  it("answers from the entry instead of how it spends its free time", () => {
    const aurora = [
      { content: "The aurora is visible from October to March.", position: "afterCharacter" as const },
    ];
    for (const personMessage of ["Can you see the aurora at night?", "Have you ever seen the aurora?"])
      for (const text of replies({ personMessage, lore: aurora })) {
        expect(text, personMessage).toMatch(/aurora is visible from October/);
        expect(text, personMessage).not.toMatch(/free time/);
      }
  });
});
