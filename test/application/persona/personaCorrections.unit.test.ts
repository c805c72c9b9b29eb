import { describe, expect, it } from "vitest";
import { correctionIn } from "../../../src/application/persona/personaCorrections.ts";
import { askAgent } from "./dialogues/askAgent.ts";

describe("a correction the person makes", () => {
  it("is read as its right and its wrong words", () => {
    expect(correctionIn("actually I'm a nurse in Hamburg, not Berlin")).toEqual({
      right: "Hamburg",
      wrong: "Berlin",
    });
    expect(correctionIn("I'm not Tom, I'm Sam")).toEqual({ right: "Sam", wrong: "Tom" });
    expect(correctionIn("I'm Jo, not Joe btw")).toEqual({ right: "Jo", wrong: "Joe" });
    expect(correctionIn("I'm not sure, Mia")).toBeNull();
    expect(correctionIn("I went to Berlin and not much else")).toBeNull();
  });

  it("is taken without fuss, and what it put right is not said back", async () => {
    const replies = await askAgent(
      [
        "hi",
        "I work as a nurse in Berlin",
        "what's your favorite food?",
        "actually I'm a nurse in Hamburg, not Berlin",
        "where do I live?",
      ],
      undefined,
      "2025-03-11T19:00:00Z",
    );
    expect(replies[3]).toMatch(/Hamburg, not Berlin — got it/);
    expect(replies[3]).not.toMatch(/nurse in Berlin|Do you work nights/);
    expect(replies[4]).toMatch(/Hamburg/);
    expect(replies[4]).not.toMatch(/nurse in Berlin/);
  });
});
