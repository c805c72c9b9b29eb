import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureBytes } from "../fixtures/cards/build.ts";
import { eventually } from "../support/coreHarness.ts";
import { agentInput, CREATE_AGENT, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

/** A creation sent again after its answer was lost creates nothing twice when it carries a client request id. */

const IMPORT_CARD = `mutation($input: ImportCardInput!) {
  importCard(input: $input) { agentId lorebookId portraitUrl warnings } }`;
const IMPORT_BOOK = `mutation($file: File!, $key: ID) { importLorebook(file: $file, clientRequestId: $key) { lorebookId } }`;
const GENERATE = `mutation($input: GenerateAgentInput!) { generateAgent(input: $input) { agentId basePortraitJobId } }`;
const lisbon = { homeCity: "Lisbon", occupation: "Ramen cook", timezone: "Europe/Lisbon" };

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
}, 60_000);
afterAll(async () => api?.close());

const agentIds = async (): Promise<string[]> =>
  ((await gql(api.url, "{ agents { id } }", {}, "dev")).data?.agents ?? []).map((a: Loose) => a.id as string);
const bookIds = async (): Promise<string[]> =>
  ((await gql(api.url, "{ lorebooks { id } }", {}, "dev")).data?.lorebooks ?? []).map(
    (b: Loose) => b.id as string,
  );

/**
 * Every id a read model lists once an unkeyed creation made now shows there: a read model applies
 * events in order, so everything written before it shows too. Markers are left out.
 */
const markers = new Set<string>();
async function listedAfterMarker(create: () => Promise<string>, list: () => Promise<string[]>) {
  const marker = await create();
  markers.add(marker);
  const ids = await eventually(async () => {
    const listed = await list();
    return listed.includes(marker) ? listed : undefined;
  }, 30_000);
  return ids.filter((id) => !markers.has(id));
}

const markerAgent = async () =>
  (await gql(api.url, CREATE_AGENT, { input: agentInput("Marker") }, "dev")).data!.createAgent
    .agentId as string;
const markerBook = async () =>
  (await upload(api.url, IMPORT_BOOK, { file: null }, bookFile)).data!.importLorebook.lorebookId as string;
const agents = () => listedAfterMarker(markerAgent, agentIds);
const books = () => listedAfterMarker(markerBook, bookIds);
const added = (before: string[], after: string[]) => after.filter((id) => !before.includes(id));
const bookFile = { at: "file", bytes: fixtureBytes("worldinfo.json"), name: "ravenhold.json" };

function importCard(key: string | undefined, bytes = fixtureBytes("v3.png")) {
  const input = { file: null, identity: lisbon, ...(key ? { clientRequestId: key } : {}) };
  return upload(api.url, IMPORT_CARD, { input }, { at: "input.file", bytes, name: "elowen.png" });
}

describe("retried creations", () => {
  it("a card import sent twice, and twice at once, with one client request id makes one agent and one book", async () => {
    const [agentsBefore, booksBefore] = [await agents(), await books()];
    const first = await importCard("card-1");
    expect(first.errors).toBeUndefined();
    const [again, racing] = await Promise.all([importCard("card-1"), importCard("card-1")]);
    for (const retry of [again, racing]) {
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.importCard).toEqual(first.data!.importCard);
    }
    const { agentId, lorebookId, portraitUrl } = first.data!.importCard;
    expect(lorebookId).toBeTruthy();
    expect(portraitUrl).toBeTruthy();
    expect(added(agentsBefore, await agents())).toEqual([agentId]);
    expect(added(booksBefore, await books())).toEqual([lorebookId]);
  });

  it("another file under the same client request id, or no id at all, is a new import", async () => {
    const card = fixtureBytes("v2.json");
    const first = await importCard("card-2", card);
    const other = await importCard("card-2", fixtureBytes("v3.json"));
    const unkeyed = [await importCard(undefined, card), await importCard(undefined, card)];
    const created = [first, other, ...unkeyed].map((r) => r.data?.importCard.agentId);
    expect(new Set(created).size).toBe(4);
  });

  it("createAgent and generateAgent retried with one client request id make one agent and one portrait job", async () => {
    const before = await agents();
    const input = { ...agentInput("Ines"), clientRequestId: "create-1" };
    const [created, retried] = await Promise.all([
      gql(api.url, CREATE_AGENT, { input }, "dev"),
      gql(api.url, CREATE_AGENT, { input }, "dev"),
    ]);
    expect(created.errors).toBeUndefined();
    expect(retried.data!.createAgent).toEqual(created.data!.createAgent);
    const again = await gql(api.url, CREATE_AGENT, { input }, "dev");
    expect(again.data!.createAgent).toEqual(created.data!.createAgent);

    const generate = {
      prompt: "a shy florist in Porto",
      appearancePrompt: "red hair",
      clientRequestId: "gen-1",
    };
    const generated = await gql(api.url, GENERATE, { input: generate }, "dev");
    expect(generated.errors).toBeUndefined();
    const regenerated = await gql(api.url, GENERATE, { input: generate }, "dev");
    expect(regenerated.data!.generateAgent).toEqual(generated.data!.generateAgent);
    const otherKey = await gql(
      api.url,
      GENERATE,
      { input: { ...generate, clientRequestId: "gen-2" } },
      "dev",
    );
    expect(otherKey.data!.generateAgent.agentId).not.toBe(generated.data!.generateAgent.agentId);
    const ids = [created.data!.createAgent, generated.data!.generateAgent, otherKey.data!.generateAgent];
    expect(added(before, await agents()).sort()).toEqual(ids.map((p) => p.agentId as string).sort());
  });

  it("a lorebook import retried with one client request id makes one book", async () => {
    const file = bookFile;
    const before = await books();
    const first = await upload(api.url, IMPORT_BOOK, { file: null, key: "book-1" }, file);
    expect(first.errors).toBeUndefined();
    const [again, racing] = await Promise.all([
      upload(api.url, IMPORT_BOOK, { file: null, key: "book-1" }, file),
      upload(api.url, IMPORT_BOOK, { file: null, key: "book-1" }, file),
    ]);
    expect(again.data!.importLorebook).toEqual(first.data!.importLorebook);
    expect(racing.data!.importLorebook).toEqual(first.data!.importLorebook);
    expect(added(before, await books())).toEqual([first.data!.importLorebook.lorebookId]);
  });

  it("a client request id that is not an id is refused", async () => {
    const refused = await importCard("no spaces allowed");
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
