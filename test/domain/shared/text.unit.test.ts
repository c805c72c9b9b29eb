import { describe, expect, it } from "vitest";
import { storableText } from "../../../src/domain/shared/text.ts";

describe("storableText", () => {
  it("drops NUL and replaces unpaired surrogates anywhere in a value, keeping everything else as it is", () => {
    const value = { text: "a\u0000b", list: ["\ud800x", "ok 👋"], nested: { n: 1, flag: true, none: null } };
    expect(storableText(value)).toEqual({
      text: "ab",
      list: ["\ufffdx", "ok 👋"],
      nested: { n: 1, flag: true, none: null },
    });
  });

  it("returns the very value when nothing needs changing", () => {
    const value = { text: "fine 👩‍👩‍👧", list: ["a", { b: "c" }] };
    expect(storableText(value)).toBe(value);
  });
});
