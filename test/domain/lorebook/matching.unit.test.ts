import { describe, expect, it } from "vitest";
import { MAX_SCAN_CHARS } from "../../../src/domain/lorebook/bookMatching.ts";
import { keyMatches } from "../../../src/domain/lorebook/keyMatching.ts";
import {
  type LorebookToMatch,
  matchLorebooks,
  type ScannedMessage,
} from "../../../src/domain/lorebook/matching.ts";
import type { LorebookEntry, LorebookSettings } from "../../../src/domain/lorebook/schemas.ts";
import { entry } from "./fixtures.ts";

/** One token per word, so budgets are easy to reason about. */
const countTokens = (text: string) => text.split(/\s+/).filter(Boolean).length;
const settings: LorebookSettings = { scanDepth: null, tokenBudget: null, recursiveScanning: false };
const book = (
  entries: LorebookEntry[],
  change: Partial<LorebookSettings> = {},
  lorebookId = "b1",
): LorebookToMatch => ({
  lorebookId,
  settings: { ...settings, ...change },
  entries,
});
const say = (...texts: string[]): ScannedMessage[] =>
  texts.map((text, i) => ({ speaker: i % 2 ? "Mira" : "Sam", text }));
const matched = (books: LorebookToMatch[], messages: ScannedMessage[], options = {}) =>
  matchLorebooks(books, messages, { countTokens, ...options }).entries.map((e) => e.entryId);

describe("keys", () => {
  it("match as case-insensitive substrings by default", () => {
    const e = entry("city", { keys: ["Ravenhold"] });
    expect(matched([book([e])], say("we walked into RAVENHOLD at dusk"))).toEqual(["city"]);
    expect(matched([book([e])], say("nothing here"))).toEqual([]);
  });

  it("respect case sensitivity", () => {
    const e = entry("hask", { keys: ["Hask"], caseSensitive: true });
    expect(matched([book([e])], say("hask?"))).toEqual([]);
    expect(matched([book([e])], say("Warden Hask."))).toEqual(["hask"]);
  });

  it("match whole words when asked, and phrases as substrings", () => {
    const e = entry("oil", { keys: ["oil"], matchWholeWords: true });
    expect(matched([book([e])], say("the soil is wet"))).toEqual([]);
    expect(matched([book([e])], say("lamp oil, please"))).toEqual(["oil"]);
    expect(keyMatches("le café est ouvert", "café", { caseSensitive: false, matchWholeWords: true })).toBe(
      true,
    );
    expect(keyMatches("les cafés", "café", { caseSensitive: false, matchWholeWords: true })).toBe(false);
    expect(keyMatches("私は東京に行く", "東京", { caseSensitive: false, matchWholeWords: true })).toBe(true);
    expect(
      keyMatches("a red lamp oil can", "lamp oil", { caseSensitive: false, matchWholeWords: true }),
    ).toBe(true);
  });

  it("written /pattern/flags are patterns, run in linear time; broken ones match nothing", () => {
    expect(
      keyMatches("The BROTH simmers", "/\\bbroth\\b/i", { caseSensitive: false, matchWholeWords: false }),
    ).toBe(true);
    expect(
      keyMatches(`${"a".repeat(30_000)}b`, "/(a+)+$/", { caseSensitive: false, matchWholeWords: false }),
    ).toBe(false);
    expect(keyMatches("ab", "/(?<=a)b/", { caseSensitive: false, matchWholeWords: false })).toBe(false);
    expect(keyMatches("x", "/[/", { caseSensitive: false, matchWholeWords: false })).toBe(false);
  });

  it("refuse patterns that cannot run in linear time, and run the rest quickly", () => {
    const options = { caseSensitive: false, matchWholeWords: false };
    expect(keyMatches("x".repeat(50), "/x{21}/", options)).toBe(true);
    expect(keyMatches("x".repeat(50), "/(x{100}){100}/", options)).toBe(false);
    expect(keyMatches("abab", String.raw`/(ab)\1/`, options)).toBe(false);
    expect(keyMatches("ab", "/a(?=b)/", options)).toBe(false);
    expect(keyMatches(`${"a".repeat(20_000)}b`, "/(a|a)*c/", options)).toBe(false);
    expect(keyMatches(`${"x".repeat(20_000)}`, "/(x+x+)+y/", options)).toBe(false);
  });

  it("compile each pattern once across scans, and stay usable past the cache's size", () => {
    const options = { caseSensitive: false, matchWholeWords: false };
    for (let i = 0; i < 600; i++)
      expect(keyMatches(`word${i}`, String.raw`/word${i}\b/`, options)).toBe(true);
    expect(keyMatches("word0s", String.raw`/word0\b/`, options)).toBe(false);
    expect(keyMatches("word0", String.raw`/word0\b/`, options)).toBe(true);
  });

  it("read only the newest 20,000 characters of the messages", () => {
    const e = entry("old", { keys: ["needle"] });
    const long = `needle ${"x".repeat(MAX_SCAN_CHARS)}`;
    expect(matched([book([e], { scanDepth: 1 })], say(long))).toEqual([]);
    expect(matched([book([e], { scanDepth: 1 })], say(`${"x".repeat(MAX_SCAN_CHARS)} needle`))).toEqual([
      "old",
    ]);
  });

  it("resolve {{char}} and {{user}} in keys and content", () => {
    const e = entry("me", { keys: ["{{user}}"], content: "{{char}} knows {{user}}." });
    const result = matchLorebooks([book([e])], say("Sam here"), {
      countTokens,
      macros: { char: "Mira", user: "Sam" },
    });
    expect(result.entries[0]?.content).toBe("Mira knows Sam.");
  });
});

describe("selective logic on secondary keys", () => {
  const e = (selectiveLogic: LorebookEntry["selectiveLogic"]) =>
    entry("e", { keys: ["canal"], secondaryKeys: ["boat", "night"], selectiveLogic });
  const cases: [LorebookEntry["selectiveLogic"], string, boolean][] = [
    ["andAny", "canal boat", true],
    ["andAny", "canal", false],
    ["andAll", "canal boat", false],
    ["andAll", "canal boat at night", true],
    ["notAny", "canal", true],
    ["notAny", "canal boat", false],
    ["notAll", "canal boat", true],
    ["notAll", "canal boat at night", false],
  ];
  it.each(cases)("%s with %j: %s", (logic, text, expected) => {
    expect(matched([book([e(logic)])], say(text))).toEqual(expected ? ["e"] : []);
  });

  it("ignores secondary keys when the entry is not selective", () => {
    expect(matched([book([{ ...e("andAll"), selective: false }])], say("canal"))).toEqual(["e"]);
  });
});

describe("activation", () => {
  it("always includes constant entries, never disabled or empty ones", () => {
    const entries = [
      entry("always", { keys: [], constant: true }),
      entry("off", { keys: ["canal"], enabled: false }),
      entry("empty", { keys: ["canal"], content: "  " }),
      entry("nokeys", { keys: [] }),
    ];
    expect(matched([book(entries)], say("canal"))).toEqual(["always"]);
  });

  it("obeys @@activate and @@dont_activate and strips decorators from the content", () => {
    const entries = [
      entry("forced", { keys: ["nothing"], content: "@@activate\nForced in." }),
      entry("never", { keys: ["canal"], constant: true, content: "@@dont_activate\nNever." }),
    ];
    const result = matchLorebooks([book(entries)], say("canal"), { countTokens });
    expect(result.entries.map((e) => [e.entryId, e.content, e.reason])).toEqual([
      ["forced", "Forced in.", "decorator"],
    ]);
  });

  it("scans only the last scan-depth messages, per book and per entry", () => {
    const messages = say("the canal", "hello", "hi again");
    const e = entry("c", { keys: ["canal"] });
    expect(matched([book([e])], messages)).toEqual([]);
    expect(matched([book([e], { scanDepth: 3 })], messages)).toEqual(["c"]);
    expect(matched([book([{ ...e, scanDepth: 3 }])], messages)).toEqual(["c"]);
    expect(matched([book([e])], messages, { defaultScanDepth: 5 })).toEqual(["c"]);
    expect(matched([book([e], { scanDepth: 0 })], say("canal"))).toEqual([]);
  });

  it("scans speaker names only when asked", () => {
    const e = entry("m", { keys: ["Mira"] });
    expect(matched([book([e])], say("hi", "hello"))).toEqual([]);
    expect(matched([book([e])], say("hi", "hello"), { includeNames: true })).toEqual(["m"]);
  });

  it("orders the prompt by insertion order, then book, then entry", () => {
    const one = book([
      entry("late", { keys: ["x"], insertionOrder: 50 }),
      entry("early", { keys: ["x"], insertionOrder: 1 }),
    ]);
    const two = book([entry("mid", { keys: ["x"], insertionOrder: 50 })], {}, "b2");
    const result = matchLorebooks([one, two], say("x"), { countTokens });
    expect(result.entries.map((e) => `${e.lorebookId}/${e.entryId}`)).toEqual([
      "b1/early",
      "b1/late",
      "b2/mid",
    ]);
  });
});

describe("recursion", () => {
  const entries = [
    entry("oil", { keys: ["lamp"], content: "The guild burns skarn." }),
    entry("skarn", { keys: ["skarn"], content: "Skarn is mined in the hills." }),
    entry("hills", { keys: ["hills"], content: "The hills hide the mines of the north." }),
    entry("north", { keys: ["north"], content: "The north is where smugglers go." }),
    entry("smugglers", { keys: ["smugglers"], content: "The smugglers answer to the Heron." }),
  ];

  it("is off unless the book asks for it", () => {
    expect(matched([book(entries)], say("a lamp"))).toEqual(["oil"]);
  });

  it("lets content trigger entries, to a fixed depth", () => {
    const result = matchLorebooks([book(entries, { recursiveScanning: true })], say("a lamp"), {
      countTokens,
    });
    expect(result.entries.map((e) => [e.entryId, e.reason])).toEqual([
      ["oil", "keyword"],
      ["skarn", "recursion"],
      ["hills", "recursion"],
      ["north", "recursion"],
    ]);
  });

  it("honours exclude- and prevent-recursion", () => {
    const guarded = [{ ...entries[0]!, preventRecursion: true }, entries[1]!];
    expect(matched([book(guarded, { recursiveScanning: true })], say("lamp"))).toEqual(["oil"]);
    const excluded = [entries[0]!, { ...entries[1]!, excludeRecursion: true }];
    expect(matched([book(excluded, { recursiveScanning: true })], say("lamp"))).toEqual(["oil"]);
    expect(matched([book(excluded, { recursiveScanning: true })], say("lamp skarn"))).toEqual([
      "oil",
      "skarn",
    ]);
  });

  it("activates an entry whose secondary key arrives through another entry's content", () => {
    const entries = [
      entry("lamp", { keys: ["lamp"], content: "The lamp burns skarn at night." }),
      entry("canal", { keys: ["canal"], secondaryKeys: ["night"], selectiveLogic: "andAll" }),
    ];
    const result = matchLorebooks(
      [book(entries, { recursiveScanning: true })],
      say("the canal and the lamp"),
      {
        countTokens,
      },
    );
    expect(result.entries.map((e) => [e.entryId, e.reason])).toEqual([
      ["lamp", "keyword"],
      ["canal", "recursion"],
    ]);
  });

  it("ends on cycles", () => {
    const cycle = [
      entry("a", { keys: ["alpha"], content: "see beta" }),
      entry("b", { keys: ["beta"], content: "see alpha" }),
    ];
    expect(matched([book(cycle, { recursiveScanning: true })], say("alpha")).toSorted()).toEqual(["a", "b"]);
  });
});

describe("token budget", () => {
  const entries = [
    entry("low", { keys: ["x"], content: "one two three", insertionOrder: 1 }),
    entry("high", { keys: ["x"], content: "four five six seven", insertionOrder: 90 }),
    entry("mid", { keys: ["x"], content: "eight nine", insertionOrder: 50 }),
  ];

  it("keeps the highest insertion order first and stops at the first entry that does not fit", () => {
    const result = matchLorebooks([book(entries, { tokenBudget: 6 })], say("x"), { countTokens });
    expect(result.entries.map((e) => e.entryId)).toEqual(["mid", "high"]);
    expect(result.overBudget).toEqual([{ lorebookId: "b1", entryId: "low" }]);
    expect(result.tokens).toBe(6);
  });

  it("ranks by priority when entries have one", () => {
    const prioritised = [{ ...entries[0]!, priority: 100 }, entries[1]!, entries[2]!];
    const result = matchLorebooks([book(prioritised, { tokenBudget: 5 })], say("x"), { countTokens });
    expect(result.entries.map((e) => e.entryId)).toEqual(["low"]);
    expect(result.overBudget.map((e) => e.entryId)).toEqual(["high", "mid"]);
  });

  it("counts constant entries against the budget too", () => {
    const withConstant = [
      entry("const", { keys: [], constant: true, content: "a b c d e", insertionOrder: 200 }),
      ...entries,
    ];
    const result = matchLorebooks([book(withConstant, { tokenBudget: 5 })], say("x"), { countTokens });
    expect(result.entries.map((e) => e.entryId)).toEqual(["const"]);
  });

  it("is per book, with the caller's default when the book has none", () => {
    const other = book([entry("other", { keys: ["x"], content: "a b c d" })], { tokenBudget: 4 }, "b2");
    const result = matchLorebooks([book(entries), other], say("x"), { countTokens, defaultTokenBudget: 4 });
    expect(result.entries.map((e) => e.entryId)).toEqual(["high", "other"]);
  });

  it("stops recursion once the budget is spent", () => {
    const chain = [
      entry("a", { keys: ["alpha"], content: "beta beta" }),
      entry("b", { keys: ["beta"], content: "gamma gamma gamma" }),
      entry("c", { keys: ["gamma"], content: "end" }),
    ];
    const result = matchLorebooks([book(chain, { tokenBudget: 3, recursiveScanning: true })], say("alpha"), {
      countTokens,
    });
    expect(result.entries.map((e) => e.entryId)).toEqual(["a"]);
    expect(result.overBudget.map((e) => e.entryId)).toEqual(["b"]);
  });
});

describe("work a scan may do", () => {
  const costly = "/(a?){1300}b/";
  const flood = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => entry(`${prefix}${i}`, { keys: Array(100).fill(costly) }));
  const longText = say("a".repeat(MAX_SCAN_CHARS));

  it("gives up a key whose pattern costs too much, and reads the entries after it", () => {
    const books = [
      book([entry("costly", { keys: [costly], priority: 9 }), entry("dock", { keys: ["dock"] })]),
    ];
    const match = matchLorebooks(books, say(`${"a".repeat(4_000)}b at the dock`), { countTokens });
    expect(match.entries.map((e) => e.entryId)).toEqual(["dock"]);
    expect(match.keysGivenUp).toBe(1);
    expect(match.workExhausted).toBe(false);
  });

  it("stops at its limit over thousands of costly keys, keeping constant entries and the first books", () => {
    const first = book([entry("dock", { keys: ["a"] })], {}, "b0");
    const costlyBook = book([...flood(2_000, "f"), entry("sea", { keys: [], constant: true })], {}, "b1");
    const match = matchLorebooks([first, costlyBook], longText, { countTokens });
    expect(match.workExhausted).toBe(true);
    expect(match.entries.map((e) => e.entryId)).toEqual(["dock", "sea"]);
    expect(match.keysGivenUp).toBeGreaterThan(0);
  });

  it("costs the same on a retry, whatever was compiled before", () => {
    const books = [book(flood(3, "r"))];
    const first = matchLorebooks(books, longText, { countTokens });
    const again = matchLorebooks(books, longText, { countTokens });
    expect(again.keysGivenUp).toBe(first.keysGivenUp);
    expect(again.workExhausted).toBe(first.workExhausted);
  });

  it("bounds whole-word keys that occur everywhere but never as words", () => {
    const words = Array.from({ length: 2_000 }, (_, i) =>
      entry(`w${i}`, { keys: Array(100).fill("a"), matchWholeWords: true }),
    );
    const match = matchLorebooks([book(words)], longText, { countTokens });
    expect(match.entries).toEqual([]);
    expect(match.workExhausted).toBe(true);
  });
});
