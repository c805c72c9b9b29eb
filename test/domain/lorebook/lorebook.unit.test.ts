import { describe, expect, it } from "vitest";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { lorebookDecider } from "../../../src/domain/lorebook/decider.ts";
import { lorebookStreamId, streamCategory } from "../../../src/domain/streamIds.ts";
import { spec } from "../../support/deciderSpec.ts";
import { added, created, createLorebook, deleted, entry, entryInput, lorebookId, now } from "./fixtures.ts";

const book = spec(lorebookDecider);

describe("CreateLorebook", () => {
  it("creates the book and adds its entries in the same decision", () => {
    const events = book
      .given([])
      .when(createLorebook)
      .then([created, added("1"), added("2")]);
    for (const event of events) expect(catalogue.validate(event)).toEqual(event.data);
  });

  it("fills SillyTavern's defaults and tidies keys", () => {
    book
      .given([])
      .when({
        ...createLorebook,
        entries: [entryInput("1", { keys: [" Ravenhold ", "", "Ravenhold", "city"] })],
      })
      .thenMatches([
        { type: "LorebookCreated" },
        { data: { lorebookId, entry: entry("1", { keys: ["Ravenhold", "city"] }) } },
      ]);
  });

  it("keeps settings, description and extensions", () => {
    book
      .given([])
      .when({
        ...createLorebook,
        entries: [],
        description: " The city. ",
        settings: { scanDepth: 4, tokenBudget: 300, recursiveScanning: true },
        extensions: { "example/x": 1 },
      })
      .thenMatches([
        {
          data: {
            ...created.data,
            description: "The city.",
            settings: { scanDepth: 4, tokenBudget: 300, recursiveScanning: true },
            extensions: { "example/x": 1 },
          },
        },
      ]);
  });

  it("rejects a book that exists", () => {
    book.given([created]).when(createLorebook).thenRejects("LorebookAlreadyExists", "CONFLICT");
  });

  it("rejects an empty name", () => {
    book
      .given([])
      .when({ ...createLorebook, name: " " })
      .thenRejects("LorebookNameInvalid", "BAD_USER_INPUT");
  });

  it("drops bidi controls from the name, which could make it read reversed", () => {
    book
      .given([])
      .when({ ...createLorebook, entries: [], name: "\u202Ekoob\u2066 of Ravenhold\u2069" })
      .thenMatches([
        { type: "LorebookCreated", data: expect.objectContaining({ name: "koob of Ravenhold" }) },
      ]);
  });

  it.each(["\u200B", "\u202E\u202C", "\u2066 \u2069"])("rejects a name that shows nothing: %j", (name) => {
    book
      .given([])
      .when({ ...createLorebook, name })
      .thenRejects("LorebookNameInvalid", "BAD_USER_INPUT");
  });

  it("rejects a description over the limit", () => {
    book
      .given([])
      .when({ ...createLorebook, description: "d".repeat(4001) })
      .thenRejects("LorebookDescriptionTooLong");
  });

  it("rejects settings out of range", () => {
    book
      .given([])
      .when({ ...createLorebook, settings: { scanDepth: 1001 } })
      .thenRejects("LorebookSettingsInvalid");
    book
      .given([])
      .when({ ...createLorebook, settings: { tokenBudget: 0 } })
      .thenRejects("LorebookSettingsInvalid");
  });

  it("rejects two entries with one id", () => {
    book
      .given([])
      .when({ ...createLorebook, entries: [entryInput("1"), entryInput("1")] })
      .thenRejects("LorebookEntryIdTaken", "CONFLICT");
  });

  it("rejects more entries than a book holds", () => {
    const entries = Array.from({ length: 2001 }, (_, i) => entryInput(String(i)));
    book
      .given([])
      .when({ ...createLorebook, entries })
      .thenRejects("TooManyLorebookEntries");
  });

  it("rejects an invalid entry", () => {
    book
      .given([])
      .when({ ...createLorebook, entries: [entryInput("1", { content: "c".repeat(20001) })] })
      .thenRejects("LorebookEntryInvalid");
  });

  it("rejects extensions that are not plain JSON", () => {
    book
      .given([])
      .when({ ...createLorebook, extensions: { big: "x".repeat(70_000) } })
      .thenRejects("ExtensionsInvalid");
  });
});

describe("UpdateLorebookDetails", () => {
  const command = {
    type: "UpdateLorebookDetails",
    lorebookId,
    name: "Ravenhold lore",
    description: "",
    settings: { scanDepth: 5 },
    now,
  } as const;

  it("updates name, description and settings", () => {
    book
      .given([created])
      .when(command)
      .then([
        {
          type: "LorebookDetailsUpdated",
          data: {
            lorebookId,
            name: "Ravenhold lore",
            description: "",
            settings: { scanDepth: 5, tokenBudget: null, recursiveScanning: false },
          },
        },
      ]);
  });

  it("writes nothing when nothing changes", () => {
    book
      .given([created])
      .when({ ...command, name: "Ravenhold", settings: {} })
      .then([]);
  });

  it("rejects an unknown book", () => {
    book.given([]).when(command).thenRejects("LorebookNotFound", "NOT_FOUND");
  });

  it("rejects a deleted book", () => {
    book.given([created, deleted]).when(command).thenRejects("LorebookIsDeleted", "CONFLICT");
  });

  it("drops bidi controls from a new name", () => {
    book
      .given([created])
      .when({ ...command, name: "Raven\u202Ehold" })
      .thenMatches([
        { type: "LorebookDetailsUpdated", data: expect.objectContaining({ name: "Ravenhold" }) },
      ]);
  });

  it("rejects an invalid name", () => {
    book
      .given([created])
      .when({ ...command, name: "n".repeat(121) })
      .thenRejects("LorebookNameInvalid");
  });
});

describe("AddLorebookEntry", () => {
  const command = { type: "AddLorebookEntry", lorebookId, entry: entryInput("3"), now } as const;

  it("adds the entry", () => {
    book
      .given([created])
      .when(command)
      .then([{ type: "LorebookEntryAdded", data: { lorebookId, entry: entry("3") } }]);
  });

  it("rejects an id in use", () => {
    book
      .given([created, added("3")])
      .when(command)
      .thenRejects("LorebookEntryIdTaken", "CONFLICT");
  });

  it("rejects an invalid entry", () => {
    book
      .given([created])
      .when({ ...command, entry: entryInput("3", { keys: ["k".repeat(501)] }) })
      .thenRejects("LorebookEntryInvalid");
    book
      .given([created])
      .when({ ...command, entry: entryInput("3", { insertionOrder: 1.5 }) })
      .thenRejects("LorebookEntryInvalid");
    book
      .given([created])
      .when({ ...command, entry: entryInput("3", { scanDepth: -1 }) })
      .thenRejects("LorebookEntryInvalid");
  });

  it("rejects the entry past the book's limit", () => {
    const full = Array.from({ length: 2000 }, (_, i) => added(`e${i}`));
    book
      .given([created, ...full])
      .when(command)
      .thenRejects("TooManyLorebookEntries");
  });

  it("rejects a deleted book", () => {
    book.given([created, deleted]).when(command).thenRejects("LorebookIsDeleted");
  });
});

describe("UpdateLorebookEntry", () => {
  const command = {
    type: "UpdateLorebookEntry",
    lorebookId,
    entry: entryInput("1", { constant: true }),
    now,
  } as const;

  it("replaces the entry", () => {
    book
      .given([created, added("1")])
      .when(command)
      .then([{ type: "LorebookEntryUpdated", data: { lorebookId, entry: entry("1", { constant: true }) } }]);
  });

  it("keeps the title and the fields an edit leaves out", () => {
    const imported = entry("1", {
      comment: "Ravenhold",
      name: "city",
      priority: 5,
      extensions: { depth: 4 },
    });
    book
      .given([created, { type: "LorebookEntryAdded", data: { lorebookId, entry: imported } }])
      .when({ ...command, entry: { entryId: "1", keys: ["river"], content: "Canals." } })
      .then([
        {
          type: "LorebookEntryUpdated",
          data: { lorebookId, entry: { ...imported, keys: ["river"], content: "Canals." } },
        },
      ]);
  });

  it("retitles the entry, and clears its title when given an empty one", () => {
    const titled = entry("1", { comment: "Ravenhold" });
    const given = [created, { type: "LorebookEntryAdded", data: { lorebookId, entry: titled } }] as const;
    book
      .given([...given])
      .when({ ...command, entry: entryInput("1", { comment: " The river city " }) })
      .then([
        {
          type: "LorebookEntryUpdated",
          data: { lorebookId, entry: { ...titled, comment: "The river city" } },
        },
      ]);
    book
      .given([...given])
      .when({ ...command, entry: entryInput("1", { comment: "" }) })
      .then([{ type: "LorebookEntryUpdated", data: { lorebookId, entry: { ...titled, comment: "" } } }]);
  });

  it("writes nothing for the same entry", () => {
    book
      .given([created, added("1")])
      .when({ ...command, entry: entryInput("1") })
      .then([]);
  });

  it("rejects an unknown entry", () => {
    book.given([created]).when(command).thenRejects("LorebookEntryNotFound", "NOT_FOUND");
  });

  it("rejects an invalid entry", () => {
    book
      .given([created, added("1")])
      .when({ ...command, entry: entryInput("1", { comment: "c".repeat(501) }) })
      .thenRejects("LorebookEntryInvalid");
  });

  it("rejects a deleted book", () => {
    book
      .given([created, added("1"), deleted])
      .when(command)
      .thenRejects("LorebookIsDeleted");
  });
});

describe("RemoveLorebookEntry", () => {
  const command = { type: "RemoveLorebookEntry", lorebookId, entryId: "1", now } as const;

  it("removes the entry", () => {
    const given = book.given([created, added("1"), added("2")]);
    given.when(command).then([{ type: "LorebookEntryRemoved", data: { lorebookId, entryId: "1" } }]);
    const after = lorebookDecider.evolve(given.state, {
      type: "LorebookEntryRemoved",
      data: { lorebookId, entryId: "1" },
    });
    expect(after.entries.map((e) => e.entryId)).toEqual(["2"]);
  });

  it("rejects an unknown entry", () => {
    book.given([created]).when(command).thenRejects("LorebookEntryNotFound");
  });

  it("rejects a deleted book", () => {
    book
      .given([created, added("1"), deleted])
      .when(command)
      .thenRejects("LorebookIsDeleted");
  });
});

describe("DeleteLorebook", () => {
  const command = { type: "DeleteLorebook", lorebookId, deletedBy: "admin-1", now } as const;

  it("deletes the book", () => {
    book.given([created]).when(command).then([deleted]);
  });

  it("rejects deleting twice", () => {
    book.given([created, deleted]).when(command).thenRejects("LorebookAlreadyDeleted", "CONFLICT");
  });

  it("rejects an unknown book", () => {
    book.given([]).when(command).thenRejects("LorebookNotFound");
  });
});

describe("lorebook streams", () => {
  it("live in lorebook-<id>", () => {
    expect(lorebookStreamId("b1")).toBe("lorebook-b1");
    expect(streamCategory(lorebookStreamId("b1"))).toBe("lorebook");
  });
});
