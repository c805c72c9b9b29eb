import { describe, expect, it } from "vitest";
import { voiceOf } from "../../../src/application/persona/personaMoods.ts";
import { MOODS } from "../../../src/domain/shared/mood.ts";

/** Weather symbols belong to the weather line: as a mood's emoji they contradict a sunny day. */
const WEATHER = /[\u2600-\u2603\u2614\u26C5\u26C8\u2744\u{1F300}\u{1F301}\u{1F308}\u{1F324}-\u{1F32C}]/u;

describe("a mood's emoji", () => {
  it.each(MOODS)("%s never pictures the weather", (mood) => {
    for (const emoji of voiceOf(mood).emoji) expect(emoji).not.toMatch(WEATHER);
  });
});
