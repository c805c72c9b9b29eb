import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { lorebookFromCharacterBook } from "../../../src/application/cards/characterBookImport.ts";
import { lorebookToLorebookV3, readLorebookFile } from "../../../src/application/cards/lorebookFile.ts";
import {
  type LorebookDraft,
  lorebookToCharacterBook,
} from "../../../src/application/cards/lorebookFormat.ts";
import { lorebookToWorldInfo } from "../../../src/application/cards/worldInfoExport.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import type { LorebookState } from "../../../src/domain/lorebook/state.ts";
import { DomainError } from "../../../src/domain/shared/decider.ts";
import { fixtureBytes, fixtureJson } from "../../fixtures/cards/build.ts";

const realWorldBook = () =>
  (fixtureJson("realworld-v2.json").data as { character_book: unknown }).character_book;

/** The lorebook a draft becomes, through the decider. */
function create(draft: LorebookDraft): LorebookState {
  const events = lorebookDecider.decide(
    {
      type: "CreateLorebook",
      lorebookId: "b1",
      ...draft,
      source: "characterBook",
      createdBy: "a",
      now: "2025-01-01T00:00:00Z",
    },
    lorebookDecider.initialState(),
  );
  return events.reduce(lorebookDecider.evolve, lorebookDecider.initialState());
}

describe("character_book", () => {
  it("reads SillyTavern's entry extensions into withme's own fields", () => {
    const draft = lorebookFromCharacterBook(realWorldBook(), "fallback");
    expect(draft.name).toBe("Ravenhold");
    expect(draft.entries).toHaveLength(13);
    const byComment = (comment: string) => draft.entries.find((e) => e.comment === comment)!;
    expect(byComment("Bakery (not when closed)").selectiveLogic).toBe("notAny");
    expect(byComment("Night canals (all)").selectiveLogic).toBe("andAll");
    expect(byComment("Bells (not all)").selectiveLogic).toBe("notAll");
    expect(byComment("Always: tone").constant).toBe(true);
    expect(byComment("Warden Hask").caseSensitive).toBe(true);
    expect(byComment("Lamp oil (whole words)").matchWholeWords).toBe(true);
    expect(byComment("Smugglers (no recursion)")).toMatchObject({
      excludeRecursion: true,
      preventRecursion: true,
    });
    expect(byComment("Disabled: old lore").enabled).toBe(false);
    expect(byComment("Mira's sister")).toMatchObject({
      position: "afterCharacter",
      secondaryKeys: ["sister", "family"],
    });
    const atDepth = byComment("Festival (at depth)");
    expect(atDepth.position).toBe("afterCharacter");
    expect(atDepth.extensions).toMatchObject({ position: 4, depth: 2 });
    expect(byComment("Ravenhold").extensions).not.toHaveProperty("selectiveLogic");
    expect(byComment("Ravenhold").extensions).toMatchObject({ display_index: 0, probability: 100 });
  });

  it("writes back what it reads: the lorebook survives character_book and back unchanged", () => {
    const first = create(lorebookFromCharacterBook(realWorldBook(), "fallback"));
    const written = lorebookToCharacterBook(first);
    const second = create(lorebookFromCharacterBook(JSON.parse(JSON.stringify(written)), "fallback"));
    expect(second).toEqual(first);
  });

  it("gives entries without ids (or with repeated ids) ids of their own", () => {
    const draft = lorebookFromCharacterBook(
      {
        entries: [
          { keys: ["a"], content: "A" },
          { id: 0, keys: ["b"], content: "B" },
          { id: 0, keys: ["c"], content: "C" },
        ],
      },
      "Book",
    );
    expect(draft.entries.map((e) => e.entryId)).toEqual(["0", "1", "2"]);
    expect(draft.name).toBe("Book");
  });

  it("rounds fractional orders, drops a zero budget, clamps the scan depth", () => {
    const draft = lorebookFromCharacterBook(
      {
        scan_depth: 5000,
        token_budget: 0,
        entries: [{ keys: ["a"], content: "A", insertion_order: 2.6, priority: "7" }],
      },
      "Book",
    );
    expect(draft.settings).toEqual({ scanDepth: 1000, tokenBudget: null, recursiveScanning: false });
    expect(draft.entries[0]).toMatchObject({ insertionOrder: 3, priority: 7 });
  });

  it("leaves out entries with neither keys nor content (SillyTavern's blank new entry)", () => {
    const book = {
      entries: [
        { keys: [], content: "" },
        { keys: [], content: "Always true.", constant: true },
        { keys: ["b"], content: "B" },
      ],
    };
    expect(create(lorebookFromCharacterBook(book, "Book")).entries.map((e) => e.entryId)).toEqual(["1", "2"]);
    const worldInfo = {
      entries: { 0: { uid: 0, key: [], content: " " }, 1: { uid: 1, key: ["a"], content: "A" } },
    };
    const draft = readLorebookFile(strToU8(JSON.stringify(worldInfo)), "WI");
    expect(create(draft).entries.map((e) => e.entryId)).toEqual(["1"]);
  });

  it("says which blank entries it left out", () => {
    const book = {
      entries: [
        { keys: [""], content: "", comment: "todo" },
        { keys: ["b"], content: "B" },
      ],
    };
    expect(lorebookFromCharacterBook(book, "Book").warnings).toEqual([
      'Skipped 1 blank entry (neither keys nor content): #1 "todo".',
    ]);
    const worldInfo = {
      entries: { 0: { uid: 0, key: ["a"], content: "A" }, 1: { uid: 1, key: [""] }, 2: { uid: 2, key: [] } },
    };
    expect(readLorebookFile(strToU8(JSON.stringify(worldInfo)), "WI").warnings).toEqual([
      "Skipped 2 blank entries (neither keys nor content): #2, #3.",
    ]);
    expect(lorebookFromCharacterBook({ entries: [{ keys: ["b"], content: "B" }] }, "Book").warnings).toEqual(
      [],
    );
  });

  it("refuses a book whose entries are not a list", () => {
    expect(() => lorebookFromCharacterBook({ entries: "nope" }, "Book")).toThrow(DomainError);
    expect(
      lorebookFromCharacterBook({ entries: [{ keys: ["a"], content: { x: 1 } }] }, "Book").warnings,
    ).toEqual(["Left out 1 malformed entry: #1 (content should be text)."]);
  });

  it("leaves out world-info entries that are not objects, naming them, and keeps the rest", () => {
    const worldInfo = { entries: { 0: { uid: 0, key: ["a"], content: "A" }, 1: "oops", 2: 7, 3: [1] } };
    const draft = readLorebookFile(strToU8(JSON.stringify(worldInfo)), "WI");
    expect(draft.entries.map((e) => e.content)).toEqual(["A"]);
    expect(draft.warnings).toEqual([
      'Left out 3 malformed entries: "1" (not an object), "2" (not an object), "3" (not an object).',
    ]);
  });
});

describe("standalone lorebook files", () => {
  it("reads SillyTavern world info", () => {
    const draft = readLorebookFile(fixtureBytes("worldinfo.json"), "Ravenhold WI");
    expect(draft.name).toBe("Ravenhold WI");
    expect(draft.entries.map((e) => e.entryId)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(draft.entries[3]).toMatchObject({
      keys: ["bakery", "Tallow Lane"],
      selectiveLogic: "notAny",
      insertionOrder: 80,
    });
    expect(draft.entries[2]).toMatchObject({ position: "afterCharacter" });
    expect(draft.entries[0]!.extensions).toMatchObject({
      display_index: 0,
      probability: 100,
      group_weight: 100,
    });
  });

  it("writes world info that reads back to the same lorebook", () => {
    const first = create(readLorebookFile(fixtureBytes("worldinfo.json"), "WI"));
    const file = strToU8(JSON.stringify(lorebookToWorldInfo(first)));
    expect(create(readLorebookFile(file, "WI"))).toEqual(first);
    const written = lorebookToWorldInfo(first) as { entries: Record<string, Record<string, unknown>> };
    expect(written.entries["3"]).toMatchObject({
      uid: 3,
      key: ["bakery", "Tallow Lane"],
      selectiveLogic: 2,
      order: 80,
      displayIndex: 3,
    });
  });

  it("writes lorebook_v3 that reads back to the same lorebook", () => {
    const first = create(lorebookFromCharacterBook(realWorldBook(), "x"));
    const file = strToU8(JSON.stringify(lorebookToLorebookV3(first)));
    expect(create(readLorebookFile(file, "x"))).toEqual(first);
  });

  it("reads lorebook_v3, a bare character_book, and a card's book", () => {
    const book = {
      name: "B",
      entries: [{ keys: ["k"], content: "c", extensions: {}, enabled: true, insertion_order: 1 }],
    };
    const read = (value: unknown) => readLorebookFile(strToU8(JSON.stringify(value)), "x");
    expect(read({ spec: "lorebook_v3", data: book }).entries).toHaveLength(1);
    expect(read(book).name).toBe("B");
    expect(read({ spec: "chara_card_v2", data: { name: "C", character_book: book } }).entries).toHaveLength(
      1,
    );
  });

  it("a refusal names the kind of file given", () => {
    const read = (value: unknown) => () => readLorebookFile(strToU8(JSON.stringify(value)), "x");
    expect(read({ spec: "lorebook_v3", data: { entries: 5 } })).toThrow(
      "The lorebook_v3 file's data is not valid: entries",
    );
    expect(read({ spec: "lorebook_v3", data: "book" })).toThrow("The lorebook_v3 file's data is not valid");
    expect(read({ spec: "chara_card_v2", data: { name: "C", character_book: { entries: 5 } } })).toThrow(
      "The card's character_book is not valid: entries",
    );
  });

  it("refuses what is not a lorebook", () => {
    const reason = (bytes: Uint8Array) => {
      try {
        readLorebookFile(bytes, "x");
      } catch (error) {
        return (error as DomainError).reason;
      }
      return "accepted";
    };
    expect(reason(strToU8("[1,2]"))).toBe("LorebookInvalid");
    expect(reason(strToU8('{"hello":1}'))).toBe("LorebookInvalid");
    expect(reason(strToU8('{"spec":"chara_card_v2","data":{"name":"x"}}'))).toBe("LorebookInvalid");
    expect(reason(strToU8("{oops"))).toBe("CardJsonInvalid");
    expect(reason(new Uint8Array(5 * 1024 * 1024 + 1))).toBe("LorebookTooLarge");
    const tooMany = {
      entries: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [i, { uid: i, key: ["k"] }])),
    };
    expect(reason(strToU8(JSON.stringify(tooMany)))).toBe("LorebookTooLarge");
    expect(() => readLorebookFile(strToU8(JSON.stringify(tooMany)), "big")).toThrow(
      "The lorebook has 2001 entries; at most 2000 can be imported.",
    );
  });

  it("a world-info entry's keys that are not text are left out, named in a warning; the entry stays", () => {
    const worldInfo = {
      entries: {
        0: {
          uid: 0,
          key: ["harbour", { x: 1 }, true, null, 5],
          keysecondary: [[1]],
          content: "A",
          comment: "Port",
        },
        1: { uid: 1, key: { first: "mill" }, content: "The mill." },
        2: { uid: 2, key: ["bell"], content: "The bell." },
      },
    };
    const draft = readLorebookFile(strToU8(JSON.stringify(worldInfo)), "WI");
    expect(draft.entries.map((e) => [e.content, e.keys, e.secondaryKeys])).toEqual([
      ["A", ["harbour", "5"], []],
      ["The mill.", [], []],
      ["The bell.", ["bell"], []],
    ]);
    expect(draft.warnings).toEqual([
      'Left out 4 keys that are not text: "0" "Port" key #2 (an object), "0" "Port" key #3 (a boolean), "0" "Port" keysecondary #1 (an array), "1" key (an object).',
      'Took as text 1 key given as a number: "0" "Port" key #5 (5).',
      "Imported 1 entry without keys, which triggers only once given some or made constant: #2.",
    ]);
  });

  it("names every value a world-info import changes or reads otherwise than the file wrote it", () => {
    const worldInfo = {
      scan_depth: -1,
      token_budget: 1e20,
      entries: {
        0: { uid: "abc", key: [7, "a"], content: "A", depth: -5, probability: 1e308, position: 99 },
        1: { uid: "1", key: ["b"], content: "B", order: 2.5, scanDepth: 5000, role: 9 },
      },
    };
    const draft = readLorebookFile(strToU8(JSON.stringify(worldInfo)), "WI");
    expect(draft.entries.map((e) => e.entryId)).toEqual(["0", "1"]);
    expect(draft.settings).toEqual({ scanDepth: 0, tokenBudget: 100000, recursiveScanning: false });
    expect(draft.entries[0]?.extensions).toEqual({ depth: -5, probability: 1e308, position: 99 });
    expect(draft.warnings).toEqual([
      'Gave a new id to 1 entry whose id is not a whole number from 0 to 2^53: #1 ("abc").',
      'Changed 4 values withme cannot hold as written: "1" order 2.5 to 3, "1" scanDepth 5000 to 1000, scan_depth -1 to 0, token_budget 100000000000000000000 to 100000.',
      'Took as text 1 key given as a number: "0" key #1 (7).',
      'Kept 4 values outside SillyTavern\'s range as written, for export, read otherwise: "0" position 99 as after the character, "0" depth -5 as 4, "0" probability 1e+308 as 100, "1" role 9 as system.',
    ]);
  });

  it("names every value a card book's import changes or reads otherwise than the file wrote it", () => {
    const draft = lorebookFromCharacterBook(
      {
        scan_depth: 2.5,
        token_budget: -3,
        entries: [
          {
            keys: ["a", 4],
            secondary_keys: [5],
            content: "A",
            priority: 1e9,
            extensions: { position: 4, depth: 1.5, probability: -1 },
          },
        ],
      },
      "Book",
    );
    expect(draft.settings).toEqual({ scanDepth: 3, tokenBudget: null, recursiveScanning: false });
    expect(draft.warnings).toEqual([
      "Changed 3 values withme cannot hold as written: #1 priority 1000000000 to 1000000, token_budget -3 to none, scan_depth 2.5 to 3.",
      "Took as text 2 keys given as numbers: #1 keys #2 (4), #1 secondary_keys #1 (5).",
      "Kept 2 values outside SillyTavern's range as written, for export, read otherwise: #1 depth 1.5 as 4, #1 probability -1 as 0.",
    ]);
  });

  it("a world-info entry whose content is not text is left out as malformed, not emptied", () => {
    const worldInfo = {
      entries: { 0: { key: ["a"], content: { text: "A" } }, 1: { key: ["b"], content: "B" } },
    };
    const draft = readLorebookFile(strToU8(JSON.stringify(worldInfo)), "WI");
    expect(draft.entries.map((e) => e.content)).toEqual(["B"]);
    expect(draft.warnings).toEqual(['Left out 1 malformed entry: "0" (content should be text).']);
  });

  it("an entry over the lorebook's limits is left out with the limit it broke; the book is kept", () => {
    const long = "x".repeat(20_001);
    const book = {
      entries: [
        { keys: ["harbour"], content: "The harbour freezes." },
        { keys: ["mill"], content: long, comment: "Mill" },
        { keys: ["k".repeat(501)], content: "Long key." },
        { keys: ["tower"], content: "The tower leans.", comment: "c".repeat(501) },
      ],
    };
    const draft = lorebookFromCharacterBook(book, "Book");
    expect(draft.entries.map((e) => e.content)).toEqual(["The harbour freezes."]);
    expect(draft.warnings).toHaveLength(1);
    expect(draft.warnings[0]).toMatch(
      /^Left out 3 entries over the lorebook's limits: #2 "Mill" \(.*20000 characters/,
    );
    expect(() => create(draft)).not.toThrow();
    const worldInfo = { entries: { 0: { key: ["a"], content: "A" }, 1: { key: ["b"], content: long } } };
    const file = readLorebookFile(strToU8(JSON.stringify(worldInfo)), "WI");
    expect(file.entries.map((e) => e.content)).toEqual(["A"]);
    expect(file.warnings[0]).toMatch(/^Left out 1 entry over the lorebook's limits: #2 /);
  });

  it("names a left-out entry by its place in the file, after malformed and blank entries before it", () => {
    const long = "x".repeat(20_001);
    const book = {
      entries: [
        "not an entry",
        { keys: [""], content: "" },
        { keys: ["harbour"], content: "The harbour freezes." },
        { keys: ["mill"], content: long, comment: "Mill" },
      ],
    };
    const draft = lorebookFromCharacterBook(book, "Book");
    expect(draft.entries.map((e) => e.content)).toEqual(["The harbour freezes."]);
    expect(draft.warnings).toEqual([
      "Left out 1 malformed entry: #1 (not an object).",
      "Skipped 1 blank entry (neither keys nor content): #2.",
      expect.stringMatching(/^Left out 1 entry over the lorebook's limits: #4 "Mill" /),
    ]);
    const worldInfo = {
      entries: {
        0: "nope",
        1: { key: [] },
        2: { key: ["a"], content: "A" },
        3: { key: ["b"], content: long },
      },
    };
    const warnings = readLorebookFile(strToU8(JSON.stringify(worldInfo)), "WI").warnings;
    expect(warnings).toContain("Skipped 1 blank entry (neither keys nor content): #2.");
    expect(warnings.find((w) => w.includes("over the lorebook's limits"))).toMatch(/: #4 /);
  });

  it("a book's name and description over the limits are cut, with a warning, not the card refused", () => {
    const draft = lorebookFromCharacterBook(
      { name: "N".repeat(130), description: "D".repeat(4_100), entries: [{ keys: ["a"], content: "A" }] },
      "Book",
    );
    expect(draft.name).toHaveLength(120);
    expect(draft.description).toHaveLength(4_000);
    expect(draft.warnings).toEqual([
      "Cut the lorebook's name to 120 characters.",
      "Cut the lorebook's description to 4000 characters.",
    ]);
    expect(() => create(draft)).not.toThrow();
  });

  it("a card book's malformed entries are left out, and the warnings say which and why", () => {
    const draft = lorebookFromCharacterBook(
      {
        entries: [
          { keys: ["harbour"], content: "The harbour freezes in winter." },
          42,
          { keys: { first: "mill" }, content: "The mill burned down.", comment: "Old mill" },
          { keys: ["bell"], content: { text: "The bell rings at noon." } },
          null,
          { keys: ["tower"], content: "The tower leans." },
        ],
      },
      "Book",
    );
    expect(draft.entries.map((e) => e.content)).toEqual([
      "The harbour freezes in winter.",
      "The tower leans.",
    ]);
    expect(draft.warnings).toEqual([
      'Left out 4 malformed entries: #2 (not an object), #3 "Old mill" (keys should be an array), #4 (content should be text), #5 (not an object).',
    ]);
  });
});
