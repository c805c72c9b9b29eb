import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { lorebookFromCharacterBook } from "../../../src/application/cards/characterBookImport.ts";
import { readLorebookFile } from "../../../src/application/cards/lorebookFile.ts";
import {
  type LorebookDraft,
  lorebookToCharacterBook,
} from "../../../src/application/cards/lorebookFormat.ts";
import { lorebookToWorldInfo } from "../../../src/application/cards/worldInfoExport.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import { MAX_JSON_DEPTH } from "../../../src/domain/shared/json.ts";

const now = "2026-01-01T00:00:00.000Z";

const read = (text: string) => readLorebookFile(strToU8(text), "WI");

function asBook(draft: LorebookDraft) {
  return {
    ...draft,
    entries: draft.entries.map((e) => ({ ...e, keys: [...e.keys], secondaryKeys: [...e.secondaryKeys] })),
  };
}

describe("lorebook files as other tools write them", () => {
  it("a book's name loses its bidi controls, and one that shows nothing gives way to the file's name", () => {
    const entries = [{ id: 1, key: ["harbour"], content: "Docks." }];
    expect(read(JSON.stringify({ name: "\u202Eevil\u202C book", entries })).name).toBe("evil book");
    expect(read(JSON.stringify({ name: "\u2066\u2069", entries })).name).toBe("WI");
  });

  it("an entries array written with SillyTavern's key and keysecondary keeps its keys", () => {
    const draft = read(
      JSON.stringify({ entries: [{ id: 1, key: ["harbour"], keysecondary: ["night"], content: "Docks." }] }),
    );
    expect(draft.entries.map((e) => [e.keys, e.secondaryKeys])).toEqual([[["harbour"], ["night"]]]);
    expect(draft.warnings).toEqual([]);
  });

  it("world info written with the card book's keys and secondary_keys keeps its keys", () => {
    const draft = read(
      JSON.stringify({
        entries: { 0: { uid: 0, keys: ["mill"], secondary_keys: ["wheel"], content: "Mill." } },
      }),
    );
    expect(draft.entries.map((e) => [e.keys, e.secondaryKeys, e.extensions])).toEqual([
      [["mill"], ["wheel"], {}],
    ]);
    expect(draft.warnings).toEqual([]);
  });

  it("says which entries have no keys and are not constant; a constant one needs none", () => {
    const draft = read(
      JSON.stringify({
        entries: [
          { id: 1, keywords: ["x"], content: "Never triggers.", comment: "Lost" },
          { id: 2, constant: true, content: "Always there." },
        ],
      }),
    );
    expect(draft.entries).toHaveLength(2);
    expect(draft.warnings).toEqual([
      'Imported 1 entry without keys, which triggers only once given some or made constant: #1 "Lost".',
    ]);
  });

  it("keeps a world-info entry keyed __proto__, and entry fields named like Object's own", () => {
    const text =
      '{"entries":{"__proto__":{"uid":7,"key":["proto"],"content":"Kept.","constructor":1,"__proto__":{"a":1}}}}';
    const draft = read(text);
    expect(draft.entries.map((e) => [e.entryId, e.keys, e.content])).toEqual([["7", ["proto"], "Kept."]]);
    const extensions = draft.entries[0]!.extensions;
    expect(Object.keys(extensions).sort()).toEqual(["__proto__", "constructor"]);
    expect(extensions.constructor).toBe(1);
    const { warnings: _, ...rest } = draft;
    const events = lorebookDecider.decide(
      { type: "CreateLorebook", lorebookId: "b1", ...rest, source: "worldInfo", createdBy: "admin-1", now },
      lorebookDecider.initialState(),
    );
    const book = events.reduce(lorebookDecider.evolve, lorebookDecider.initialState());
    const written = lorebookToWorldInfo(book).entries as Record<string, Record<string, unknown>>;
    expect(Object.keys(written["7"]!)).toEqual(expect.arrayContaining(["__proto__", "constructor"]));
  });

  it("gives uids that could not come back as themselves new ids, saying so, and the rest round-trip", () => {
    const draft = read(
      JSON.stringify({
        entries: {
          a: { uid: 1e308, key: ["big"], content: "Big." },
          b: { uid: 2.5, key: ["half"], content: "Half." },
          c: { uid: 12345678901, key: ["wide"], content: "Wide." },
        },
      }),
    );
    expect(draft.entries.map((e) => e.entryId)).toEqual(["0", "1", "12345678901"]);
    expect(draft.warnings).toEqual([
      "Gave a new id to 2 entries whose ids are not whole numbers from 0 to 2^53: #1 (1e+308), #2 (2.5).",
    ]);
    const written = lorebookToWorldInfo(asBook(draft)).entries as Record<string, { uid: number }>;
    expect(Object.values(written).map((e) => e.uid)).toEqual([0, 1, 12345678901]);
    const again = read(JSON.stringify(lorebookToWorldInfo(asBook(draft))));
    expect(again.entries.map((e) => e.entryId)).toEqual(["0", "1", "12345678901"]);
    const card = lorebookToCharacterBook(asBook(draft)).entries as { id: unknown }[];
    expect(card.map((e) => e.id)).toEqual([0, 1, 12345678901]);
  });

  it("an entry whose uid an earlier entry has gets a new id, with a warning", () => {
    const draft = read(
      JSON.stringify({
        entries: {
          0: { uid: 5, key: ["a"], content: "A." },
          1: { uid: 5, key: ["b"], content: "B." },
        },
      }),
    );
    expect(draft.entries.map((e) => e.entryId)).toEqual(["5", "1"]);
    expect(draft.warnings).toEqual(["Gave a new id to 1 entry whose id an earlier entry has: #2 (5)."]);
    const card = lorebookFromCharacterBook(
      {
        entries: [
          { id: 2, keys: ["a"], content: "A" },
          { id: 2, keys: ["b"], content: "B" },
        ],
      },
      "Book",
    );
    expect(card.warnings).toEqual(["Gave a new id to 1 entry whose id an earlier entry has: #2 (2)."]);
  });

  it("a card book's id that could not come back as itself gets a new one, with a warning", () => {
    const draft = lorebookFromCharacterBook({ entries: [{ id: -3, keys: ["a"], content: "A" }] }, "Book");
    expect(draft.entries.map((e) => e.entryId)).toEqual(["0"]);
    expect(draft.warnings).toEqual([
      "Gave a new id to 1 entry whose id is not a whole number from 0 to 2^53: #1 (-3).",
    ]);
  });

  it("one entry with a number JSON cannot hold or nesting too deep is left out; the rest import", () => {
    const deep = `${'{"a":'.repeat(MAX_JSON_DEPTH + 2)}1${"}".repeat(MAX_JSON_DEPTH + 2)}`;
    const text = `{"entries":{
      "0":{"uid":0,"key":["inf"],"content":"Infinite.","order":1e999},
      "1":{"uid":1,"key":["deep"],"content":"Deep.","extra":${deep}},
      "2":{"uid":2,"key":["fine"],"content":"Fine."}}}`;
    const draft = read(text);
    expect(draft.entries.map((e) => e.content)).toEqual(["Fine."]);
    expect(draft.warnings).toEqual([
      `Left out 2 malformed entries: "0" (order holds a number too large or something not plain JSON), "1" (extra nests deeper than ${MAX_JSON_DEPTH} levels).`,
    ]);
  });

  it("a file of nothing but unreadable entries is refused, not imported as an empty book", () => {
    const text = `{"entries":{"0":{"uid":0,"key":["inf"],"content":"Infinite.","order":1e999}}}`;
    expect(() => read(text)).toThrow(
      /Not one entry of the world info file could be read; 1 malformed entry: "0" \(order holds/,
    );
  });

  it("a card book's entry with a number JSON cannot hold is left out, not given a default", () => {
    const text = `{"entries":[{"id":1,"keys":["a"],"content":"A","insertion_order":1e999,"comment":"Far"},
      {"id":2,"keys":["b"],"content":"B","priority":-1e999},{"id":3,"keys":["c"],"content":"C"}]}`;
    const draft = read(text);
    expect(draft.entries.map((e) => e.content)).toEqual(["C"]);
    expect(draft.warnings).toEqual([
      'Left out 2 malformed entries: #1 "Far" (insertion_order holds a number too large), #2 (priority holds a number too large).',
    ]);
  });
});
