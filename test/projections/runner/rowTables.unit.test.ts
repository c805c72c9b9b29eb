import { describe, expect, it } from "vitest";
import { preview } from "../../../projections/runner/rowTables.ts";

/** What a preview is, counted by iterating the text's characters. */
function previewByCharacters(text: string, max = 140): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

describe("preview", () => {
  it("keeps a text of at most the limit's characters, counting a surrogate pair as one", () => {
    expect(preview("short")).toBe("short");
    const astral = "😀".repeat(140);
    expect(astral.length).toBe(280);
    expect(preview(astral)).toBe(astral);
  });

  it("cuts a longer text to one character less than the limit and an ellipsis", () => {
    expect(preview("abcdef", 4)).toBe("abc…");
    expect(preview("abcde", 5)).toBe("abcde");
    expect(preview("😀😀😀😀😀😀", 4)).toBe("😀😀😀…");
    expect(preview("a😀b😀c😀", 4)).toBe("a😀b…");
  });

  it("counts a lone surrogate as a character, as iterating the text does", () => {
    const texts = ["\ud800abcdef", "ab\udc00cdef", "abc\ud83d", "😀\ud83d\ud83d😀x😀y", "x".repeat(200)];
    for (const text of texts)
      for (const max of [1, 2, 3, 4, 5, 140]) expect(preview(text, max)).toBe(previewByCharacters(text, max));
  });

  it("gives what iterating the characters gives, for texts mixing pairs and plain characters", () => {
    const parts = ["a", "é", "😀", "\ud800", "\udc00", " "];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 500; n++) {
      let text = "";
      const length = next() % 30;
      for (let i = 0; i < length; i++) text += parts[next() % parts.length];
      const max = 1 + (next() % 12);
      expect(preview(text, max)).toBe(previewByCharacters(text, max));
    }
  });
});
