import { describe, expect, it } from "vitest";
import { bookNameFromFileName } from "../../../src/application/cards/lorebookFile.ts";

describe("the name a lorebook without one takes from its file", () => {
  it("reads the file's name as a title, without its extension", () => {
    expect(bookNameFromFileName("worldinfo.json")).toBe("Worldinfo");
    expect(bookNameFromFileName("dark_harbour-lore.JSON")).toBe("Dark Harbour Lore");
    expect(bookNameFromFileName("  the  isles.json ")).toBe("The Isles");
    expect(bookNameFromFileName("v1.2 lore.json")).toBe("V1.2 Lore");
  });

  it("falls back to Lorebook when the file has no usable name", () => {
    expect(bookNameFromFileName(".json")).toBe("Lorebook");
    expect(bookNameFromFileName("")).toBe("Lorebook");
    expect(bookNameFromFileName(undefined)).toBe("Lorebook");
  });
});
