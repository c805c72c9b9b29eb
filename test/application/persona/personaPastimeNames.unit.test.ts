import { describe, expect, it } from "vitest";
import { pastimeName, pastimesIn } from "../../../src/application/persona/personaPastimeNames.ts";
import { askAgent } from "./dialogues/askAgent.ts";

const sailor = {
  name: "Hugo Lemaire",
  homeCity: "Bordeaux",
  country: "France",
  occupation: "wine merchant",
  timezone: "Europe/Paris",
  interests: ["sailing", "jazz records", "cooking"],
  summary: "A relaxed wine merchant with a shop by the quays.",
  backstory: "Grew up on a boat moored in Arcachon.",
};
const english = /\b(?:sailing|jazz records|cooking|rowing|photography|the|and)\b/;

describe("the agent's pastimes in the language of the conversation", () => {
  it("names an interest in the language, the particular words before the general ones", () => {
    expect(pastimeName("crime novels", "de")).toBe("Krimis");
    expect(pastimeName("novels", "de")).toBe("das Lesen");
    expect(pastimeName("jazz records", "fr")).toBe("le jazz");
    expect(pastimeName("tea ceremony", "fr")).toBeNull();
    expect(pastimesIn(["tea ceremony", "hiking", "guitar"], "pt")).toBe("as caminhadas e a guitarra");
    expect(pastimesIn(["tea ceremony"], "it")).toBe("i miei passatempi");
  });

  it("plans, pastimes and what to unwind with, asked in French, German, Spanish or Italian, say no English", async () => {
    const asked = [
      "Tu fais quoi ce week-end ?",
      "Qu'est-ce que tu aimes faire ?",
      "Tu me recommandes quoi pour me détendre ?",
      "Was machst du am Wochenende?",
      "Was machst du gern?",
      "¿Qué te gusta hacer?",
      "Cosa mi consigli per rilassarmi?",
    ];
    for (const say of asked) {
      const [reply] = await askAgent([say], sailor);
      expect(reply, say).not.toMatch(english);
      expect(reply, say).toMatch(/voile|jazz|cuisine|Segeln|Kochen|vela|cocina|cucina/);
    }
  });
});
