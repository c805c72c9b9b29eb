import { describe, expect, it } from "vitest";
import { CRISIS_LINES, crisisIn, namesCrisisHelp } from "../../../src/application/safety/crisisSupport.ts";

describe("crisisIn", () => {
  it.each([
    ["I don't want to be here anymore", "en"],
    ["i want to die", "en"],
    ["Sometimes I think about ending it all.", "en"],
    ["I've been cutting myself again", "en"],
    ["everyone would be better off without me", "en"],
    ["I keep having suicidal thoughts", "en"],
    ["there's no point in living", "en"],
    ["I don't want to live", "en"],
    ["j'ai envie de mourir", "fr"],
    ["Ich will nicht mehr leben", "de"],
    ["a veces quiero morirme", "es"],
    ["não quero mais viver", "pt"],
    ["voglio morire", "it"],
  ])("reads %j as a crisis (%s)", (text, language) => {
    expect(crisisIn(text)).toBe(language);
  });

  it.each([
    "this traffic is killing me",
    "I could die of embarrassment",
    "I'm going to die if I don't get coffee",
    "I'm dying to see that film",
    "I don't want to wake up early tomorrow",
    "I don't want to live in London",
    "we watched Suicide Squad last night",
    "I'd kill for a pizza",
    "I'm so tired",
  ])("does not read %j as one", (text) => {
    expect(crisisIn(text)).toBeNull();
  });
});

describe("the lines where help is", () => {
  it("name a line of their own country and a directory for everywhere else, in every language", () => {
    for (const line of Object.values(CRISIS_LINES)) {
      expect(line).toContain("findahelpline.com");
      expect(namesCrisisHelp(line)).toBe(true);
    }
    expect(namesCrisisHelp("I'm here for you. Are you safe right now?")).toBe(false);
  });
});
