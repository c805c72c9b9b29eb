import { describe, expect, it } from "vitest";
import { plainTyping } from "../../../src/application/persona/personaTyping.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("everyday questions in French, German and Spanish", () => {
  it("reads what the agent ate, the weather, the time and its birthday as the English they say", () => {
    expect(plainTyping("Qu’est-ce que tu as mangé ce midi ?")).toBe("what did you have for lunch ?");
    expect(plainTyping("Was hast du zum Frühstück gegessen?")).toBe("what did you have for breakfast?");
    expect(plainTyping("¿Qué comiste hoy?")).toBe("what did you have for lunch?");
    expect(plainTyping("Il fait quel temps chez toi ?")).toBe("what's the weather like there ?");
    expect(plainTyping("Wie spät ist es bei dir?")).toBe("what time is it there?");
    expect(plainTyping("c'est quand ton anniversaire ?")).toBe("when is your birthday ?");
  });

  it("answers them in the language they were asked in", async () => {
    const [lunch, weather, time] = await askAgent([
      "Qu'est-ce que tu as mangé ce midi ?",
      "Wie ist das Wetter bei dir?",
      "¿Qué hora es allí?",
    ]);
    expect(lunch).toMatch(/^J'ai (?:mangé|pris) /);
    expect(weather).toMatch(/\b(?:kalt|kühl|mild|warm|heiß)\b/);
    expect(time).toMatch(/^(?:Aquí|Ahora).*\b\d\d:\d\d\b/);
  });

  it("names the pet the person told of, asked in French, German or Spanish", async () => {
    for (const [told, asked] of [
      ["Mon chat s'appelle Pistou", "Comment s’appelle mon chat ?"],
      ["Mein Hund heißt Pistou", "Wie heißt mein Hund?"],
      ["Mi gato se llama Pistou", "¿Cómo se llama mi gato?"],
    ]) {
      const [, reply] = await askAgent([told!, asked!]);
      expect(reply, asked).toMatch(/Pistou/);
    }
  });
});
