import { describe, expect, it } from "vitest";
import { SentenceGate } from "../../../src/application/engine/sentenceGate.ts";
import { wordPieces } from "../../../src/application/persona/personaEngine.ts";
import { checkSelfReference } from "../../../src/application/prompt/selfReferenceGuard.ts";

const mia = { agentName: "Mia Rossi", selfDescribesAsAI: false };

/** Streams the text through the gate in word pieces; returns every piece it let out. */
function stream(text: string, pieces = wordPieces(text)): string[] {
  const gate = new SentenceGate(mia);
  const out = pieces.map((piece) => gate.push(piece));
  out.push(gate.finish(text));
  return out.filter((piece) => piece.length > 0);
}

describe("the sentence gate on a streamed reply", () => {
  it("lets an in-character reply through whole, sentence by sentence", () => {
    const text = "Oh, I love that! The café was packed today. How was yours?";
    const out = stream(text);
    expect(out.join("")).toBe(text);
    expect(out).toEqual(["Oh, I love that! ", "The café was packed today. ", "How was yours?"]);
  });

  it.each([
    "As an AI language model, I don't have feelings. But I can picture it. Honestly? Same here.",
    "I can picture it. I'm just an AI, so I can't actually taste coffee. Honestly? Same here.",
    "Ha! As an AI, I am not able to go outside. I'm an AI language model. Tell me more?",
  ])("never lets a violation out, not even part of it: %s", (text) => {
    for (const split of [wordPieces(text), text.split(""), [text]]) {
      const out = stream(text, split);
      for (const piece of out) expect(checkSelfReference(piece, mia).verdict, piece).toBe("ok");
      const shown = out.join("");
      expect(checkSelfReference(shown, mia).verdict, shown).toBe("ok");
      expect(shown).not.toMatch(/\bAI\b|language model|taste coffee/);
    }
  });

  it("holds back a sentence until it is complete", () => {
    const gate = new SentenceGate(mia);
    expect(gate.push("Honestly? ")).toBe("");
    expect(gate.push("As an AI")).toBe("Honestly? ");
    expect(gate.push(" language model, I")).toBe("");
    expect(gate.push(" can't say.")).toBe("");
    expect(gate.push(" Fun")).toBe("I can't say. ");
    expect(gate.finish("")).toBe("Fun");
    expect(gate.released).toBe("Honestly? I can't say. Fun");
  });

  it("drops what a repair would leave still saying it is not human", () => {
    const checked = checkSelfReference("I'm just an AI, so I can't actually taste coffee.", mia);
    expect(checked.text).toBe("");
    expect(checkSelfReference("I can't actually taste coffee.", mia).verdict).not.toBe("ok");
    expect(checkSelfReference("I can't taste coffee after that cold, ugh.", mia).verdict).toBe("ok");
  });
});
