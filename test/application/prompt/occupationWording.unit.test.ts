import { describe, expect, it } from "vitest";
import { composeReply } from "../../../src/application/persona/personaComposer.ts";
import { buildReplyPrompt } from "../../../src/application/prompt/buildReplyPrompt.ts";
import { occupationInSentence } from "../../../src/application/prompt/occupationWording.ts";
import { miaInput } from "./promptFixtures.ts";

describe("an occupation used mid-sentence", () => {
  it.each([
    ["Lighthouse keeper", "lighthouse keeper"],
    ["Nurse", "nurse"],
    ["Jazz pianist", "jazz pianist"],
    ["lighthouse keeper", "lighthouse keeper"],
    ["Dog walker", "dog walker"],
    ["Software engineer", "software engineer"],
    ["Bakery owner", "bakery owner"],
    ["Ramen cook", "ramen cook"],
    ["Wedding photographer", "wedding photographer"],
    ["Barista", "barista"],
  ])("%s is written %s", (occupation, written) => {
    expect(occupationInSentence(occupation)).toBe(written);
  });

  it.each([
    "NASA engineer",
    "Uber driver",
    "French teacher",
    "Irish dancer",
    "Royal Navy officer",
    "iOS developer",
    "Tesla mechanic",
    "Porsche mechanic",
    "Zara sales assistant",
    "Spotify engineer",
  ])("%s keeps its capitals", (occupation) => {
    expect(occupationInSentence(occupation)).toBe(occupation);
  });

  it("the offline companion says its job in lower case mid-sentence", () => {
    const input = miaInput({ personMessage: "What do you do?" });
    const context = buildReplyPrompt({
      ...input,
      identity: { ...input.identity, occupation: "Lighthouse keeper" },
    }).context;
    for (let seed = 0; seed < 6; seed++) {
      const reply = composeReply(context, seed);
      expect(reply).toMatch(/a lighthouse keeper/);
      expect(reply).not.toMatch(/a Lighthouse keeper/);
    }
  });
});
