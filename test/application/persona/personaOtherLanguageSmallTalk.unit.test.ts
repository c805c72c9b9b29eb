import { describe, expect, it } from "vitest";
import { askAgent } from "./dialogues/askAgent.ts";

const asked: Record<string, { hello: string; joke: string; ai: string; kind: string; ok: [string, string] }> =
  {
    fr: {
      hello: "Salut !",
      joke: "Raconte-moi une blague",
      ai: "Tu es une IA ?",
      kind: "Tu es drôle",
      ok: ["ok", "lol"],
    },
    de: {
      hello: "Hallo!",
      joke: "Erzähl mir einen Witz",
      ai: "Bist du eine KI?",
      kind: "Du bist lustig",
      ok: ["ja", "ok"],
    },
    es: {
      hello: "¡Hola!",
      joke: "Cuéntame un chiste",
      ai: "¿Eres una IA?",
      kind: "Eres muy gracioso",
      ok: ["sí", "vale"],
    },
    pt: {
      hello: "Olá!",
      joke: "Conta-me uma piada",
      ai: "És uma IA?",
      kind: "És muito engraçado",
      ok: ["ok", "sim"],
    },
    it: {
      hello: "Ciao!",
      joke: "Raccontami una barzelletta",
      ai: "Sei un'IA?",
      kind: "Sei molto simpatico",
      ok: ["ok", "sì"],
    },
  };

describe("a first-time user's small talk in another language", () => {
  it("tells a joke, says who it is, thanks kind words and meets two bare 'ok's with two lines", async () => {
    for (const [language, says] of Object.entries(asked)) {
      const [, joke, ai, kind, ok, again] = await askAgent([
        says.hello,
        says.joke,
        says.ai,
        says.kind,
        ...says.ok,
      ]);
      expect(joke, language).toMatch(/\?.+!$/);
      expect(ai, language).toMatch(/Mira/);
      expect(kind, language).toMatch(/merci|danke|gracias|obrigad|grazie/i);
      expect(again, language).not.toBe(ok);
      for (const reply of [joke, ai, kind, ok, again])
        expect(reply, language).not.toMatch(
          /\b(?:the|you|and|I don't know)\b|je ne sais pas|weiß ich|no lo sé|não sei|non lo so/i,
        );
    }
  });
});
