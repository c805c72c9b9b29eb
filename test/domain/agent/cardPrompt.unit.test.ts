import { describe, expect, it } from "vitest";
import {
  cardPromptParts,
  greetingFor,
  macroNamesFor,
  styleExampleBlocks,
} from "../../../src/domain/agent/cardPrompt.ts";
import { EMPTY_AGENT_CARD } from "../../../src/domain/agent/state.ts";

const names = { char: "Mira", user: "Sam" };
const card = {
  ...EMPTY_AGENT_CARD,
  greetings: ["Hello {{user}}.", "Evening, {{user}}. I'm {{char}}.", "You again?"],
  styleExamples: "<START>\n{{user}}: Hi\n{{char}}: Hey.\n<START>\n\n<START>\n{{char}}: *nods*",
  promptParts: {
    setting: "{{user}} visits {{char}}.",
    systemPrompt: "{{original}}\nBe terse.",
    postHistoryInstructions: " Stay in the rain. ",
  },
};

describe("greetings", () => {
  it("picks the same greeting for the same person, with macros resolved", () => {
    const first = greetingFor(card, "user-1", names);
    expect(greetingFor(card, "user-1", names)).toBe(first);
    expect(
      card.greetings.map((g) => g.replaceAll("{{user}}", "Sam").replaceAll("{{char}}", "Mira")),
    ).toContain(first);
  });

  it("spreads people across the greetings", () => {
    const seen = new Set(Array.from({ length: 60 }, (_, i) => greetingFor(card, `user-${i}`, names)));
    expect(seen.size).toBe(3);
  });

  it("is null without greetings, so the persona greets", () => {
    expect(greetingFor(EMPTY_AGENT_CARD, "user-1", names)).toBeNull();
  });

  it("names the character by the card's nickname when it has one", () => {
    expect(
      macroNamesFor("Kaito Arakawa", { ...card, details: { ...card.details, nickname: "Kai" } }, "Sam"),
    ).toEqual({ char: "Kai", user: "Sam" });
    expect(macroNamesFor("Mira", card, "Sam")).toEqual(names);
  });
});

describe("prompt parts", () => {
  it("splits style examples at <START> and resolves macros", () => {
    expect(styleExampleBlocks(card.styleExamples, names)).toEqual(["Sam: Hi\nMira: Hey.", "Mira: *nods*"]);
  });

  it("drops {{original}}: withme's own rules are always in the prompt", () => {
    expect(cardPromptParts(card, names)).toEqual({
      setting: "Sam visits Mira.",
      systemPrompt: "Be terse.",
      postHistoryInstructions: "Stay in the rain.",
      styleExamples: ["Sam: Hi\nMira: Hey.", "Mira: *nods*"],
    });
  });
});
