import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_NESTING, nestingDepth, textProblem, tooDeep } from "../../src/graphql/inputSafety.ts";

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

  it("refuses variables nested deeper than the limit, however deep, without recursing", () => {
    const nest = (levels: number) => {
      let value: unknown = "x";
      for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
      return value;
    };
    expect(tooDeep({ a: nest(MAX_DOCUMENT_NESTING), b: [1, { c: null }] })).toBeNull();
    expect(tooDeep({ a: nest(MAX_DOCUMENT_NESTING + 1) })).toMatch(/deeper than 64 levels/);
    expect(tooDeep({ a: nest(200_000) })).toMatch(/deeper than 64 levels/);
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
