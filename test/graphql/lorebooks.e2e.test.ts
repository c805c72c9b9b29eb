import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBytes } from "../fixtures/cards/build.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

let api: TestApi;
let agentId: string;
let lorebookId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Isolde");
});
afterAll(async () => api?.close());

const IMPORT = `mutation($file: File!) { importLorebook(file: $file) { lorebookId warnings } }`;
const BOOK = `query($id: ID!) { lorebook(id: $id) { name entryCount agentIds
  entries { id comment keys secondaryKeys selectiveLogic content constant enabled insertionOrder position } } }`;
const ATTACH = `mutation($a: ID!, $b: ID!) { attachLorebook(agentId: $a, lorebookId: $b) { lorebookId } }`;
const DETACH = `mutation($a: ID!, $b: ID!) { detachLorebook(agentId: $a, lorebookId: $b) { lorebookId } }`;
const SAVE = `mutation($input: LorebookEntryInput!) { saveLorebookEntry(input: $input) { lorebookId } }`;
const REMOVE = `mutation($b: ID!, $e: ID!) { removeLorebookEntry(lorebookId: $b, entryId: $e) { lorebookId } }`;

async function bookWhen(check: (book: Loose) => boolean): Promise<Loose> {
  return eventually(async () => {
    const book = (await gql(api.url, BOOK, { id: lorebookId }, "dev")).data?.lorebook;
    return book && check(book) ? book : undefined;
  }, 30_000);
}

describe("lorebooks through the API", () => {
  it("imports SillyTavern world info as a book", async () => {
    const imported = await upload(
      api.url,
      IMPORT,
      { file: null },
      {
        at: "file",
        bytes: fixtureBytes("worldinfo.json"),
        name: "Ravenhold.json",
      },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importLorebook.warnings).toEqual([]);
    lorebookId = imported.data!.importLorebook.lorebookId;
    const book = await bookWhen((b) => b.entryCount === 6);
    expect(book.name).toBe("Ravenhold");
    expect(book.entries[0].keys).toContain("Ravenhold");
    const listed = await gql(api.url, "{ lorebooks { id name } }", {}, "dev");
    expect(listed.data!.lorebooks.map((b: Loose) => b.id)).toContain(lorebookId);
  });

  it("says which blank entries an import left out", async () => {
    const info = {
      entries: { 0: { uid: 0, key: ["moor"], content: "Fog." }, 1: { uid: 1, key: [""], content: "" } },
    };
    const bytes = new TextEncoder().encode(JSON.stringify(info));
    const imported = await upload(api.url, IMPORT, { file: null }, { at: "file", bytes, name: "Moor.json" });
    expect(imported.data!.importLorebook.warnings).toEqual([
      "Skipped 1 blank entry (neither keys nor content): #2.",
    ]);
  });

  it("exports a book as world info or a CCv3 lorebook that imports as the same entries", async () => {
    const EXPORT = `query($id: ID!, $format: LorebookFileFormat) { exportLorebook(id: $id, format: $format) }`;
    const original = await bookWhen((b) => b.entryCount === 6);
    for (const format of ["WORLD_INFO", "LOREBOOK_V3"]) {
      const exported = await gql(api.url, EXPORT, { id: lorebookId, format }, "dev");
      expect(exported.errors).toBeUndefined();
      const bytes = new TextEncoder().encode(exported.data!.exportLorebook);
      const again = await upload(api.url, IMPORT, { file: null }, { at: "file", bytes, name: "Again.json" });
      const copy = await eventually(async () => {
        const book = (await gql(api.url, BOOK, { id: again.data!.importLorebook.lorebookId }, "dev")).data
          ?.lorebook;
        return book?.entryCount === 6 ? book : undefined;
      }, 30_000);
      expect(copy.entries, format).toEqual(original.entries);
    }
    expect(codesOf(await gql(api.url, EXPORT, { id: "no-such-book" }, "dev"))).toEqual(["NOT_FOUND"]);
    expect(codesOf(await gql(api.url, EXPORT, { id: lorebookId }, "dev:pia"))).toEqual(["FORBIDDEN"]);
  });

  it("refuses a file that is not world info, and people who are not admins", async () => {
    const bad = await upload(
      api.url,
      IMPORT,
      { file: null },
      {
        at: "file",
        bytes: new TextEncoder().encode("{ not json"),
        name: "x.json",
      },
    );
    expect(codesOf(bad)).toEqual(["BAD_USER_INPUT"]);
    const person = await upload(
      api.url,
      IMPORT,
      { file: null },
      { at: "file", bytes: fixtureBytes("worldinfo.json"), name: "w.json" },
      "dev:pia",
    );
    expect(codesOf(person)).toEqual(["FORBIDDEN"]);
    expect(codesOf(await gql(api.url, "{ lorebooks { id } }", {}, "dev:pia"))).toEqual(["FORBIDDEN"]);
  });

  it("attaches a book to an agent once, and detaches it; asked again, each answers the same", async () => {
    expect((await gql(api.url, ATTACH, { a: agentId, b: lorebookId }, "dev")).errors).toBeUndefined();
    const again = await gql(api.url, ATTACH, { a: agentId, b: lorebookId }, "dev");
    expect(again.errors).toBeUndefined();
    expect(again.data!.attachLorebook.lorebookId).toBe(lorebookId);
    expect(codesOf(await gql(api.url, ATTACH, { a: agentId, b: "no-such-book" }, "dev"))).toEqual([
      "NOT_FOUND",
    ]);
    await bookWhen((b) => b.agentIds.includes(agentId));
    const agent = await gql(
      api.url,
      `query($id: ID!) { agent(id: $id) { lorebookIds } }`,
      { id: agentId },
      "dev",
    );
    expect(agent.data!.agent.lorebookIds).toEqual([lorebookId]);
    expect((await gql(api.url, DETACH, { a: agentId, b: lorebookId }, "dev")).errors).toBeUndefined();
    const detachedAgain = await gql(api.url, DETACH, { a: agentId, b: lorebookId }, "dev");
    expect(detachedAgain.errors).toBeUndefined();
    expect(detachedAgain.data!.detachLorebook.lorebookId).toBe(lorebookId);
    await bookWhen((b) => b.agentIds.length === 0);
  });

  it("keeps an imported entry's title and settings when an edit gives only its keys and content", async () => {
    const book = await bookWhen((b) => b.entryCount >= 6);
    const imported = book.entries.find((e: Loose) => e.selectiveLogic === "NOT_ANY");
    expect(imported.comment).not.toBe("");
    const input = { lorebookId, entryId: imported.id, keys: imported.keys, content: "Rewritten." };
    expect((await gql(api.url, SAVE, { input }, "dev")).errors).toBeUndefined();
    const after = await bookWhen((b) => b.entries.some((e: Loose) => e.content === "Rewritten."));
    expect(after.entries.find((e: Loose) => e.id === imported.id)).toEqual({
      ...imported,
      content: "Rewritten.",
    });
  });

  it("creates, edits and deletes an entry", async () => {
    const input = { lorebookId, keys: ["lighthouse"], content: "The lighthouse has been dark since spring." };
    expect(
      (await gql(api.url, SAVE, { input: { ...input, comment: "Lighthouse" } }, "dev")).errors,
    ).toBeUndefined();
    const created = await bookWhen((b) => b.entryCount === 7);
    const entry = created.entries.find((e: Loose) => e.keys.includes("lighthouse"));
    expect(entry).toMatchObject({
      comment: "Lighthouse",
      enabled: true,
      constant: false,
      position: "BEFORE_CHARACTER",
    });
    const edited = {
      ...input,
      entryId: entry.id,
      secondaryKeys: ["storm"],
      selectiveLogic: "NOT_ANY",
      content: "It shines again.",
    };
    expect((await gql(api.url, SAVE, { input: edited }, "dev")).errors).toBeUndefined();
    const after = await bookWhen((b) => b.entries.some((e: Loose) => e.content === "It shines again."));
    expect(after.entries.find((e: Loose) => e.id === entry.id)).toMatchObject({
      comment: "Lighthouse",
      secondaryKeys: ["storm"],
      selectiveLogic: "NOT_ANY",
    });
    const retitled = {
      lorebookId,
      entryId: entry.id,
      keys: ["lighthouse"],
      content: "It shines.",
      comment: "Beacon",
    };
    expect((await gql(api.url, SAVE, { input: retitled }, "dev")).errors).toBeUndefined();
    const renamed = await bookWhen((b) => b.entries.some((e: Loose) => e.comment === "Beacon"));
    expect(renamed.entries.find((e: Loose) => e.id === entry.id)).toMatchObject({
      secondaryKeys: ["storm"],
      content: "It shines.",
    });
    const blank = await gql(api.url, SAVE, { input: { ...input, keys: ["lamp", " "] } }, "dev");
    expect(codesOf(blank)).toEqual(["BAD_USER_INPUT"]);
    expect(blank.errors?.[0]?.message).toMatch(/^keys\[1\] is blank/);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ field: "keys", index: 1 });
    const blankSecondary = await gql(api.url, SAVE, { input: { ...input, secondaryKeys: [""] } }, "dev");
    expect(blankSecondary.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "secondaryKeys",
    });
    const empty = await gql(api.url, SAVE, { input: { lorebookId, keys: [], content: " " } }, "dev");
    expect(codesOf(empty)).toEqual(["BAD_USER_INPUT"]);
    expect(empty.errors?.[0]?.message).toMatch(/a constant entry needs no keys/);
    const far = await gql(api.url, SAVE, { input: { ...input, insertionOrder: 2_000_000 } }, "dev");
    expect(far.errors?.[0]?.message).toMatch(/from -1,000,000 to 1,000,000/);
    const constant = { lorebookId, keys: [], constant: true, content: "The sea is always near." };
    expect((await gql(api.url, SAVE, { input: constant }, "dev")).errors).toBeUndefined();
    await bookWhen((b) => b.entryCount === 8);
    expect((await gql(api.url, REMOVE, { b: lorebookId, e: entry.id }, "dev")).errors).toBeUndefined();
    expect(codesOf(await gql(api.url, REMOVE, { b: lorebookId, e: entry.id }, "dev"))).toEqual(["NOT_FOUND"]);
    await bookWhen((b) => b.entryCount === 7);
  });
});
