import { describe, expect, it } from "vitest";
import { normalizeMacros, resolveMacros } from "../../../src/domain/shared/macros.ts";

describe("macros", () => {
  const names = { char: "Mira", user: "Sam" };

  it("resolves {{char}} and {{user}} in any case and spacing, and the old angle forms", () => {
    expect(
      resolveMacros("{{char}} greets {{USER}}; {{ Char }} smiles at <USER>. <BOT> and <char>.", names),
    ).toBe("Mira greets Sam; Mira smiles at Sam. Mira and Mira.");
  });

  it("drops {{// comments}} and leaves other macros alone", () => {
    expect(resolveMacros("Hi{{// hidden note}} {{original}} {{random:a,b}}", names)).toBe(
      "Hi {{original}} {{random:a,b}}",
    );
  });

  it("treats the names as plain text", () => {
    expect(resolveMacros("Hello {{user}}", { char: "x", user: "$& <b>" })).toBe("Hello $& <b>");
  });

  it("writes old forms as braces", () => {
    expect(normalizeMacros("<BOT> waves at <user>")).toBe("{{char}} waves at {{user}}");
  });
});
