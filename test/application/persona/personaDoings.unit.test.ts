import { describe, expect, it } from "vitest";
import { takeUpDoing } from "../../../src/application/persona/personaDoings.ts";
import { seededRandom } from "../../../src/application/persona/personaRandom.ts";

describe("what the person went and did is taken up by name", () => {
  it("“I went hiking yesterday” is met with the hiking and a question about it", () => {
    for (const text of ["I went hiking yesterday", "we went swimming in the lake", "i just went shopping"]) {
      const thing = /went (\w+)/.exec(text)![1]!;
      for (let seed = 0; seed < 6; seed++) {
        const [remark, question] = takeUpDoing(text, seededRandom(seed)) ?? [];
        expect(remark?.toLowerCase(), text).toContain(thing);
        expect(question, text).toMatch(/\?$/);
      }
    }
    expect(takeUpDoing("I went nothing", seededRandom(1))).toBeNull();
  });
});
