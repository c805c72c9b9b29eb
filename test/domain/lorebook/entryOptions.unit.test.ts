import { describe, expect, it } from "vitest";
import { type LorebookToMatch, matchLorebooks } from "../../../src/domain/lorebook/matching.ts";
import type { LorebookEntry } from "../../../src/domain/lorebook/schemas.ts";
import { entry } from "./fixtures.ts";

const countTokens = (text: string) => text.split(/\s+/).filter(Boolean).length;
const book = (entries: LorebookEntry[]): LorebookToMatch => ({
  lorebookId: "b1",
  settings: { scanDepth: null, tokenBudget: null, recursiveScanning: true },
  entries,
});
const matched = (entries: LorebookEntry[], roll?: (b: string, e: string) => number) =>
  matchLorebooks([book(entries)], [{ speaker: "Sam", text: "the harbour at dawn" }], {
    countTokens,
    ...(roll ? { roll } : {}),
  }).entries.map((e) => e.entryId);

describe("an entry's trigger chance (SillyTavern's probability)", () => {
  const chancy = (probability: number, change: Partial<LorebookEntry> = {}) =>
    entry("harbour", { keys: ["harbour"], extensions: { probability, useProbability: true }, ...change });

  it("keeps an entry with a chance of 0 out, and lets one of 100 in", () => {
    expect(matched([chancy(0)])).toEqual([]);
    expect(matched([chancy(0, { constant: true })])).toEqual([]);
    expect(matched([chancy(100)])).toEqual(["harbour"]);
  });

  it("lets the entry in when the roll falls below its chance", () => {
    expect(matched([chancy(30)], () => 29.9)).toEqual(["harbour"]);
    expect(matched([chancy(30)], () => 30)).toEqual([]);
  });

  it("ignores the chance when the entry does not use it", () => {
    const off = entry("harbour", {
      keys: ["harbour"],
      extensions: { probability: 0, useProbability: false },
    });
    expect(matched([off])).toEqual(["harbour"]);
  });

  it("a failed roll does not trigger other entries through recursion", () => {
    const boat = entry("boat", { keys: ["boat"], content: "The boat is red." });
    const harbour = chancy(10, { content: "A boat waits in the harbour." });
    expect(matched([harbour, boat], () => 50)).toEqual([]);
    expect(matched([harbour, boat], () => 5)).toEqual(["harbour", "boat"]);
  });
});

describe("an entry with use_regex (CCv3)", () => {
  const scan = (text: string, e: LorebookEntry) =>
    matchLorebooks([book([e])], [{ speaker: "Sam", text }], { countTokens }).entries.map((m) => m.entryId);

  it("reads its keys as bare patterns, case-insensitive unless asked", () => {
    const dragon = entry("dragon", { keys: ["dra(g|k)on"], useRegex: true });
    expect(scan("a DRAKON flew over", dragon)).toEqual(["dragon"]);
    expect(scan("dra(g|k)on", dragon)).toEqual([]);
    expect(scan("a Drakon", { ...dragon, caseSensitive: true })).toEqual([]);
    expect(scan("a drakon", { ...dragon, caseSensitive: true })).toEqual(["dragon"]);
  });

  it("matches nothing with a pattern it cannot run, and leaves plain entries literal", () => {
    expect(scan("aa", entry("bad", { keys: ["(a"], useRegex: true }))).toEqual([]);
    expect(scan("dragon", entry("plain", { keys: ["dra(g|k)on"] }))).toEqual([]);
  });
});
