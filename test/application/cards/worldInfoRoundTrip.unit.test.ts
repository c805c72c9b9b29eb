import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { readLorebookFile } from "../../../src/application/cards/lorebookFile.ts";
import { lorebookToWorldInfo } from "../../../src/application/cards/worldInfoExport.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import type { LorebookState } from "../../../src/domain/lorebook/state.ts";

/** An entry as current SillyTavern writes it, every field filled in. */
function stEntry(uid: number, overrides: Record<string, unknown> = {}) {
  return {
    uid,
    key: ["harbour", "docks"],
    keysecondary: ["night"],
    comment: "The harbour at night",
    content: "{{char}} avoids the docks after dark.",
    constant: false,
    vectorized: false,
    selective: true,
    selectiveLogic: 3,
    addMemo: true,
    order: 42,
    position: 4,
    disable: false,
    ignoreBudget: false,
    excludeRecursion: true,
    preventRecursion: false,
    matchPersonaDescription: false,
    matchCharacterDescription: true,
    matchCharacterPersonality: false,
    matchCharacterDepthPrompt: false,
    matchScenario: false,
    matchCreatorNotes: false,
    delayUntilRecursion: 0,
    probability: 75,
    useProbability: true,
    depth: 3,
    outletName: "",
    group: "places",
    groupOverride: false,
    groupWeight: 100,
    scanDepth: null,
    caseSensitive: true,
    matchWholeWords: null,
    useGroupScoring: null,
    automationId: "",
    role: 1,
    sticky: 2,
    cooldown: 0,
    delay: 0,
    triggers: ["normal"],
    displayIndex: uid,
    characterFilter: { isExclude: false, names: [], tags: [] },
    ...overrides,
  };
}

const file = {
  name: "Harbour",
  description: "The harbour district and its people.",
  scan_depth: 6,
  token_budget: 1200,
  recursive_scanning: true,
  extensions: { sillytavern: { lorebookColor: "#446688" } },
  entries: {
    "0": stEntry(0),
    "5": stEntry(5, { position: 0, constant: true, disable: true, key: ["tide"], order: 1, role: null }),
    "9": stEntry(9, { position: 1, selective: false, selectiveLogic: 0, caseSensitive: null, scanDepth: 2 }),
  },
};

function create(bytes: Uint8Array): LorebookState {
  const { warnings: _, ...draft } = readLorebookFile(bytes, "fallback name");
  const events = lorebookDecider.decide(
    {
      type: "CreateLorebook",
      lorebookId: "wi1",
      ...draft,
      source: "worldInfo",
      createdBy: "admin-1",
      now: "2026-01-01T00:00:00.000Z",
    },
    lorebookDecider.initialState(),
  );
  return events.reduce(lorebookDecider.evolve, lorebookDecider.initialState());
}

describe("SillyTavern world info imported and exported again", () => {
  const book = create(strToU8(JSON.stringify(file)));
  const written = lorebookToWorldInfo(book) as typeof file;

  it("keeps the book's name, description, scan depth, token budget, recursion and extensions", () => {
    expect(book.name).toBe("Harbour");
    expect(book.settings).toEqual({ scanDepth: 6, tokenBudget: 1200, recursiveScanning: true });
    const { entries: _, ...top } = written;
    const { entries: __, ...expected } = file;
    expect(top).toEqual(expected);
  });

  it("gives back every entry field SillyTavern wrote, keyed by uid", () => {
    expect(written.entries).toEqual(file.entries);
  });

  it("names a book without a name of its own after the file", () => {
    const { name: _, ...unnamed } = file;
    expect(create(strToU8(JSON.stringify(unnamed))).name).toBe("fallback name");
  });
});
