import { assertNever, type Decider, DomainError } from "../shared/decider.ts";
import type { CreateLorebook, LorebookCommand, LorebookEntryInput } from "./commands.ts";
import {
  checkEntry,
  checkExtensions,
  checkLorebookDescription,
  checkLorebookName,
  checkLorebookSettings,
} from "./entryRules.ts";
import type { LorebookEvent } from "./events.ts";
import { LOREBOOK_LIMITS, type LorebookEntry } from "./schemas.ts";
import { evolveLorebook, initialLorebookState, type LorebookState } from "./state.ts";

export type { LorebookState } from "./state.ts";

function decide(command: LorebookCommand, state: LorebookState): LorebookEvent[] {
  if (command.type === "CreateLorebook") return createLorebook(command, state);
  const lorebookId = requireActive(state, command.type === "DeleteLorebook");
  switch (command.type) {
    case "UpdateLorebookDetails": {
      const name = checkLorebookName(command.name);
      const description = checkLorebookDescription(command.description);
      const settings = checkLorebookSettings(command.settings);
      const unchanged =
        name === state.name &&
        description === state.description &&
        JSON.stringify(settings) === JSON.stringify(state.settings);
      if (unchanged) return [];
      return [{ type: "LorebookDetailsUpdated", data: { lorebookId, name, description, settings } }];
    }
    case "AddLorebookEntry": {
      const entry = checkEntry(command.entry);
      if (state.entries.some((e) => e.entryId === entry.entryId))
        throw new DomainError(
          "LorebookEntryIdTaken",
          "CONFLICT",
          "An entry with this id exists already in the book; use a new id.",
        );
      if (state.entries.length >= LOREBOOK_LIMITS.entries) throw tooManyEntries();
      return [{ type: "LorebookEntryAdded", data: { lorebookId, entry } }];
    }
    case "UpdateLorebookEntry": {
      const current = findEntry(state, command.entry.entryId.trim());
      const entry = checkEntry({ ...current, ...givenFields(command.entry) });
      if (JSON.stringify(current) === JSON.stringify(entry)) return [];
      return [{ type: "LorebookEntryUpdated", data: { lorebookId, entry } }];
    }
    case "RemoveLorebookEntry": {
      findEntry(state, command.entryId);
      return [{ type: "LorebookEntryRemoved", data: { lorebookId, entryId: command.entryId } }];
    }
    case "DeleteLorebook": {
      if (state.status === "deleted")
        throw new DomainError("LorebookAlreadyDeleted", "CONFLICT", "This lorebook is deleted already.");
      return [
        {
          type: "LorebookDeleted",
          data: { lorebookId, deletedBy: command.deletedBy, deletedAt: command.now },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export const lorebookDecider: Decider<LorebookState, LorebookCommand, LorebookEvent> = {
  initialState: initialLorebookState,
  evolve: evolveLorebook,
  decide,
};

function createLorebook(command: CreateLorebook, state: LorebookState): LorebookEvent[] {
  if (state.status !== "absent")
    throw new DomainError(
      "LorebookAlreadyExists",
      "CONFLICT",
      "A lorebook with this id exists already; use a new id.",
    );
  if (command.entries.length > LOREBOOK_LIMITS.entries) throw tooManyEntries();
  const entries: LorebookEntry[] = [];
  for (const input of command.entries) {
    const entry = checkEntry(input);
    if (entries.some((e) => e.entryId === entry.entryId))
      throw new DomainError(
        "LorebookEntryIdTaken",
        "CONFLICT",
        `Two entries share the id "${entry.entryId}"; give each entry its own id.`,
      );
    entries.push(entry);
  }
  const { lorebookId } = command;
  return [
    {
      type: "LorebookCreated",
      data: {
        lorebookId,
        name: checkLorebookName(command.name),
        description: checkLorebookDescription(command.description ?? ""),
        settings: checkLorebookSettings(command.settings ?? {}),
        extensions: checkExtensions(command.extensions, "lorebook's"),
        source: command.source,
        createdBy: command.createdBy,
        createdAt: command.now,
      },
    },
    ...entries.map((entry): LorebookEvent => ({ type: "LorebookEntryAdded", data: { lorebookId, entry } })),
  ];
}

/** The book's id, when it exists and (unless deleting, which says so itself) is not deleted. */
function requireActive(state: LorebookState, allowDeleted: boolean): string {
  if (state.status === "absent" || state.lorebookId === null)
    throw new DomainError("LorebookNotFound", "NOT_FOUND", "No such lorebook; check the lorebook id.");
  if (state.status === "deleted" && !allowDeleted)
    throw new DomainError(
      "LorebookIsDeleted",
      "CONFLICT",
      "This lorebook is deleted and can no longer change.",
    );
  return state.lorebookId;
}

function findEntry(state: LorebookState, entryId: string): LorebookEntry {
  const entry = state.entries.find((e) => e.entryId === entryId);
  if (!entry) throw new DomainError("LorebookEntryNotFound", "NOT_FOUND", "This lorebook has no such entry.");
  return entry;
}

/** An editor shows only some of an entry's fields; what it leaves out must not be wiped. */
function givenFields(input: LorebookEntryInput): LorebookEntryInput {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as unknown as LorebookEntryInput;
}

function tooManyEntries(): DomainError {
  return new DomainError(
    "TooManyLorebookEntries",
    "BAD_USER_INPUT",
    `A lorebook holds at most ${LOREBOOK_LIMITS.entries} entries; split it into several books.`,
  );
}
