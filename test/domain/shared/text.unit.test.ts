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

  it("changes only what needs it, keeping the keys before and after, and the values it left alone", () => {
    const kept = { b: "c" };
    const value = JSON.parse('{"first":"ok","__proto__":"x\\u0000","list":["a","\\ud800"],"kept":{"b":"c"}}');
    value.kept = kept;
    const stored = storableText(value);
    expect(Object.keys(stored)).toEqual(["first", "__proto__", "list", "kept"]);
    expect(Object.getOwnPropertyDescriptor(stored, "__proto__")?.value).toBe("x");
    expect(stored.list).toEqual(["a", "\ufffd"]);
    expect(stored.kept).toBe(kept);
    expect(value.list).toEqual(["a", "\ud800"]);
  });
});
