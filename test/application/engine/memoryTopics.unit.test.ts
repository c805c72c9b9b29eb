import { describe, expect, it } from "vitest";
import { topicsIn } from "../../../src/application/engine/memoryFacts.ts";

describe("topicsIn", () => {
  it("names the things and people of every sentence, in order, names with their capitals", () => {
    expect(
      topicsIn(
        "We went hiking near Lake Bled with Tom! The weather was awful, but the café in Ljubljana made up for it.",
      ),
    ).toEqual(["Lake Bled", "Tom", "weather", "café", "ljubljana"]);
    expect(
      topicsIn("I'm Nora. I work at the bakery and I love cats. My sister Clara lives in Lyon."),
    ).toEqual(["Nora", "bakery", "cats", "sister Clara", "Lyon"]);
  });

  it("reads every sentence of a long message, however many", () => {
    const topics = topicsIn("I like tea. ".repeat(330));
    expect(topics).toHaveLength(330);
    expect(new Set(topics)).toEqual(new Set(["tea"]));
  });

  it("reads the start of an overlong sentence and every sentence after it", () => {
    const long = `I watched ${"a very long film ".repeat(240)}with my cousin.`;
    expect(long.length).toBeGreaterThan(3_000);
    const topics = topicsIn(`${long} Then we had dinner in Porto.`);
    expect(topics[0]).toBe("film");
    expect(topics).not.toContain("cousin");
    expect(topics.at(-1)).toBe("dinner in Porto");
  });
});
