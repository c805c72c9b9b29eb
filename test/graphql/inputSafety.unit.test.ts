import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_NESTING, nestingDepth, textProblem } from "../../src/graphql/inputSafety.ts";

describe("input safety", () => {
  it("accepts ordinary text, emoji and accents", () => {
    for (const text of ["hello", "crème brûlée", "☕🌧", "👩‍👩‍👧", ""]) expect(textProblem(text)).toBeNull();
  });

  it("names NUL characters and unpaired surrogates", () => {
    expect(textProblem("a\u0000b")).toMatch(/NUL/);
    expect(textProblem("\ud83d")).toMatch(/unpaired surrogate/);
    expect(textProblem("x\udc00")).toMatch(/unpaired surrogate/);
    expect(textProblem("\udc00\ud83d")).toMatch(/unpaired surrogate/);
  });

  it("measures nesting outside strings and comments", () => {
    expect(nestingDepth("{ a { b } }")).toBe(2);
    expect(nestingDepth(`{ a(x: "[[[[[[[[") }`)).toBe(2);
    expect(nestingDepth(`{ a(x: """ {{{{{{ """) }`)).toBe(2);
    expect(nestingDepth("# [[[[[[[[[\n{ a }")).toBe(1);
    expect(nestingDepth(`{ a(x: ${"[".repeat(1900)}1${"]".repeat(1900)}) }`)).toBeGreaterThan(
      MAX_DOCUMENT_NESTING,
    );
  });
});
