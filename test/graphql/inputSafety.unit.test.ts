import { describe, expect, it } from "vitest";
import {
  MAX_DOCUMENT_NESTING,
  nestingDepth,
  textProblem,
  tooDeep,
  unsafeValue,
} from "../../src/graphql/inputSafety.ts";

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

  it("checks an uploaded file by its name, never walking the bytes it holds", () => {
    /** An upload as the fetch API's File holds one: its bytes in enumerable fields of its own. */
    class Upload {
      readonly name: string;
      blobParts: unknown[];
      constructor(name: string, parts: unknown) {
        this.name = name;
        this.blobParts = [parts];
      }
    }
    const untouchable = new Proxy(new Uint8Array(4), {
      ownKeys: () => {
        throw new Error("the bytes were walked");
      },
    });
    const deep = JSON.parse(`${"[".repeat(100)}${"]".repeat(100)}`);
    expect(tooDeep({ file: new Upload("book.json", untouchable) })).toBeNull();
    expect(tooDeep({ file: new Upload("book.json", deep) })).toBeNull();
    expect(unsafeValue({ file: new Upload("book.json", untouchable) }, "variables")).toBeNull();
    expect(unsafeValue({ file: new Upload("book.json", ["a\u0000b"]) }, "variables")).toBeNull();
    expect(unsafeValue({ file: new Upload("bo\u0000ok.json", []) }, "variables")).toMatch(
      /variables\.file\.name holds a NUL/,
    );
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
