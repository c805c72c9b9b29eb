import type { CreateLorebook, LorebookEntryInput } from "../../../src/domain/lorebook/commands.ts";
import type { LorebookCreated, LorebookEvent } from "../../../src/domain/lorebook/events.ts";
import type { LorebookEntry } from "../../../src/domain/lorebook/schemas.ts";

export const lorebookId = "b1";
export const now = "2025-03-03T08:00:00.000Z";

/** An entry with every field at its default, overridden by `change`. */
export function entry(entryId: string, change: Partial<LorebookEntry> = {}): LorebookEntry {
  return {
    entryId,
    comment: "",
    name: "",
    keys: [`key-${entryId}`],
    secondaryKeys: [],
    selective: true,
    selectiveLogic: "andAny",
    content: `Content of ${entryId}.`,
    enabled: true,
    constant: false,
    insertionOrder: 100,
    priority: null,
    position: "beforeCharacter",
    caseSensitive: null,
    matchWholeWords: null,
    useRegex: false,
    scanDepth: null,
    excludeRecursion: false,
    preventRecursion: false,
    extensions: {},
    ...change,
  };
}

export const entryInput = (
  entryId: string,
  change: Partial<LorebookEntryInput> = {},
): LorebookEntryInput => ({
  entryId,
  keys: [`key-${entryId}`],
  content: `Content of ${entryId}.`,
  ...change,
});

export const createLorebook: CreateLorebook = {
  type: "CreateLorebook",
  lorebookId,
  name: "Ravenhold",
  entries: [entryInput("1"), entryInput("2")],
  source: "manual",
  createdBy: "admin-1",
  now,
};

export const created: LorebookCreated = {
  type: "LorebookCreated",
  data: {
    lorebookId,
    name: "Ravenhold",
    description: "",
    settings: { scanDepth: null, tokenBudget: null, recursiveScanning: false },
    extensions: {},
    source: "manual",
    createdBy: "admin-1",
    createdAt: now,
  },
};

export const added = (id: string, change: Partial<LorebookEntry> = {}): LorebookEvent => ({
  type: "LorebookEntryAdded",
  data: { lorebookId, entry: entry(id, change) },
});

export const deleted: LorebookEvent = {
  type: "LorebookDeleted",
  data: { lorebookId, deletedBy: "admin-1", deletedAt: now },
};
