import type { JsonObject } from "../shared/json.ts";
import type { EntryPosition, LorebookSource, SelectiveLogic } from "./schemas.ts";

/** An entry as an editor or an importer gives it; what is left out takes SillyTavern's defaults. */
export interface LorebookEntryInput {
  entryId: string;
  keys: readonly string[];
  content: string;
  secondaryKeys?: readonly string[];
  comment?: string;
  name?: string;
  selective?: boolean;
  selectiveLogic?: SelectiveLogic;
  enabled?: boolean;
  constant?: boolean;
  insertionOrder?: number;
  priority?: number | null;
  position?: EntryPosition;
  caseSensitive?: boolean | null;
  matchWholeWords?: boolean | null;
  useRegex?: boolean;
  scanDepth?: number | null;
  excludeRecursion?: boolean;
  preventRecursion?: boolean;
  extensions?: JsonObject;
}

export interface LorebookSettingsInput {
  scanDepth?: number | null;
  tokenBudget?: number | null;
  recursiveScanning?: boolean;
}

/** Creates the book with its entries in one go, so an import is whole or not at all. */
export interface CreateLorebook {
  type: "CreateLorebook";
  lorebookId: string;
  name: string;
  description?: string;
  settings?: LorebookSettingsInput;
  extensions?: JsonObject;
  entries: readonly LorebookEntryInput[];
  source: LorebookSource;
  createdBy: string;
  now: string;
}

export interface UpdateLorebookDetails {
  type: "UpdateLorebookDetails";
  lorebookId: string;
  name: string;
  description: string;
  settings: LorebookSettingsInput;
  now: string;
}

export interface AddLorebookEntry {
  type: "AddLorebookEntry";
  lorebookId: string;
  entry: LorebookEntryInput;
  now: string;
}

/** Replaces the entry with the same id; fields left out keep the entry's current values. */
export interface UpdateLorebookEntry {
  type: "UpdateLorebookEntry";
  lorebookId: string;
  entry: LorebookEntryInput;
  now: string;
}

export interface RemoveLorebookEntry {
  type: "RemoveLorebookEntry";
  lorebookId: string;
  entryId: string;
  now: string;
}

export interface DeleteLorebook {
  type: "DeleteLorebook";
  lorebookId: string;
  deletedBy: string;
  now: string;
}

export type LorebookCommand =
  | CreateLorebook
  | UpdateLorebookDetails
  | AddLorebookEntry
  | UpdateLorebookEntry
  | RemoveLorebookEntry
  | DeleteLorebook;
