import { describe, expect, it } from "vitest";
import { chatCharacterOf, otherCharacterWarning } from "../../../src/application/cards/chatCharacter.ts";
import type { ChatTranscript } from "../../../src/application/cards/chatJsonl.ts";

const line = (name: string, isUser: boolean) => ({
  name,
  isUser,
  isSystem: false,
  sentAt: null,
  sentAtText: "",
  text: "Hi.",
  swipes: ["Hi."],
  swipeIndex: 0,
  otherFields: {},
});
const transcript = (characterName: string, names: string[] = []): ChatTranscript => ({
  userName: "Sam",
  characterName,
  createdAt: null,
  metadata: {},
  messages: names.map((name) => line(name, name === "Sam")),
});

describe("the character a chat was written with", () => {
  it("takes the header's name, else the character's first line", () => {
    expect(chatCharacterOf(transcript("Mira Voss", ["Theo"]))).toBe("Mira Voss");
    expect(chatCharacterOf(transcript("", ["Sam", "Theo"]))).toBe("Theo");
    expect(chatCharacterOf(transcript("", ["Sam", "Character"]))).toBe("");
  });

  it("warns, naming both, only when the names differ beyond a shortening", () => {
    expect(otherCharacterWarning(transcript("Mira Voss"), "Theo")).toEqual([
      "This chat was written with Mira Voss, not Theo; it was imported into your conversation with Theo all the same.",
    ]);
    expect(otherCharacterWarning(transcript("", ["Sam", "Theo"]), "Mira")).toHaveLength(1);
    expect(otherCharacterWarning(transcript("Mira Voss"), "Mira")).toEqual([]);
    expect(otherCharacterWarning(transcript("Zoë"), "zoe")).toEqual([]);
    expect(otherCharacterWarning(transcript("Miranda"), "Mira")).toHaveLength(1);
    expect(otherCharacterWarning(transcript(""), "Mira")).toEqual([]);
  });
});
