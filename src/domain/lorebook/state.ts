import { assertNever } from "../shared/decider.ts";
import type { JsonObject } from "../shared/json.ts";
import type { LorebookEvent } from "./events.ts";
import type { LorebookEntry, LorebookSettings, LorebookSource } from "./schemas.ts";

export interface LorebookState {
  status: "absent" | "active" | "deleted";
  lorebookId: string | null;
  name: string;
  description: string;
  settings: LorebookSettings;
  extensions: JsonObject;
  source: LorebookSource;
  /** In the order they were added; the prompt orders them by insertion order. */
  entries: readonly LorebookEntry[];
  createdBy: string | null;
  createdAt: string | null;
}

export function initialLorebookState(): LorebookState {
  return {
    status: "absent",
    lorebookId: null,
    name: "",
    description: "",
    settings: { scanDepth: null, tokenBudget: null, recursiveScanning: false },
    extensions: {},
    source: "manual",
    entries: [],
    createdBy: null,
    createdAt: null,
  };
}

export function evolveLorebook(state: LorebookState, event: LorebookEvent): LorebookState {
  switch (event.type) {
    case "LorebookCreated": {
      const { lorebookId, name, description, settings, extensions, source, createdBy, createdAt } =
        event.data;
      return {
        ...state,
        status: "active",
        lorebookId,
        name,
        description,
        settings,
        extensions,
        source,
        createdBy,
        createdAt,
      };
    }
    case "LorebookDetailsUpdated": {
      const { name, description, settings } = event.data;
      return { ...state, name, description, settings };
    }
    case "LorebookEntryAdded":
      return { ...state, entries: [...state.entries, event.data.entry] };
    case "LorebookEntryUpdated":
      return {
        ...state,
        entries: state.entries.map((e) => (e.entryId === event.data.entry.entryId ? event.data.entry : e)),
      };
    case "LorebookEntryRemoved":
      return { ...state, entries: state.entries.filter((e) => e.entryId !== event.data.entryId) };
    case "LorebookDeleted":
      return { ...state, status: "deleted" };
    default:
      return assertNever(event);
  }
}
