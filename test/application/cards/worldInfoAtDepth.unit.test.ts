import { describe, expect, it } from "vitest";
import { readLorebookFile } from "../../../src/application/cards/lorebookFile.ts";
import { matchLorebooks } from "../../../src/domain/lorebook/matching.ts";
import type { LorebookEntry } from "../../../src/domain/lorebook/schemas.ts";

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("an imported SillyTavern entry at @D", () => {
  it("keeps its depth and role, and is placed there when it matches", () => {
    const draft = readLorebookFile(
      bytes({
        entries: {
          "0": {
            uid: 0,
            key: ["bell"],
            content: "The bell tolls.",
            position: 4,
            depth: 2,
            role: 2,
            order: 100,
          },
          "1": { uid: 1, key: ["bell"], content: "Bells are old.", position: 0, order: 100 },
        },
      }),
      "Bells",
    );
    const found = matchLorebooks(
      [
        {
          lorebookId: "b1",
          settings: draft.settings,
          entries: draft.entries as LorebookEntry[],
        },
      ],
      [{ speaker: "Sam", text: "ring the bell" }],
      { countTokens: (text) => text.length },
    ).entries;
    expect(found.map((e) => [e.content, e.placement])).toEqual([
      ["The bell tolls.", { at: "depth", depth: 2, role: "assistant" }],
      ["Bells are old.", { at: "character", position: "beforeCharacter" }],
    ]);
  });
});
