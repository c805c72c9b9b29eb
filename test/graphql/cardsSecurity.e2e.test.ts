import { randomUUID } from "node:crypto";
import { zlibSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodePngChunks, readPngChunks } from "../../src/application/cards/pngChunks.ts";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { fixtureBytes, fixtureJson } from "../fixtures/cards/build.ts";
import { eventually } from "../support/coreHarness.ts";
import { codesOf, createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

/** Cards, lorebooks and chats from files written by anyone: what no field can store is refused whole. */

const IMPORT_CARD = `mutation($input: ImportCardInput!) { importCard(input: $input) { agentId } }`;
const PREVIEW = `mutation($file: File!) { previewCard(file: $file) { name } }`;
const IMPORT_BOOK = `mutation($file: File!) { importLorebook(file: $file) { lorebookId } }`;
const IMPORT_CHAT = `mutation($input: ImportChatInput!) { importChat(input: $input) { messages } }`;
const lisbon = { homeCity: "Lisbon", occupation: "Ramen cook", timezone: "Europe/Lisbon" };

let api: TestApi;
let agentId: string;

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Tove");
  await eventually(async () => (await gql(api.url, "{ agents { id } }", {}, "dev")).data?.agents.length > 0);
}, 60_000);
afterAll(async () => api?.close());

async function internalErrors(): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const match = /withme_graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\} (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

const agentCount = async () =>
  ((await gql(api.url, "{ agents { id } }", {}, "dev")).data!.agents as Loose[]).length;
const bookCount = async () =>
  ((await gql(api.url, "{ lorebooks { id } }", {}, "dev")).data!.lorebooks as Loose[]).length;
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function cardWith(field: string, text: string) {
  const card = fixtureJson("v2.json") as { data: Record<string, unknown> };
  return json({ ...card, data: { ...card.data, [field]: text } });
}

function worldInfoWith(content: string) {
  return json({ entries: { 0: { uid: 0, key: ["Ravenhold"], content, comment: "x" } } });
}

function chatWith(mes: string) {
  const lines = [
    { user_name: "Sam", character_name: "Tove", create_date: "2024-9-28 @01h 02m 36s 123ms" },
    { name: "Sam", is_user: true, send_date: "September 28, 2024 1:02am", mes: "hello there" },
    { name: "Tove", is_user: false, send_date: "September 28, 2024 1:03am", mes },
  ];
  return new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join("\n"));
}

const broken: [string, string][] = [
  ["a NUL character", "before\u0000after"],
  ["an unpaired surrogate", "before\uD800after"],
];

describe("text no field can store, inside uploaded files", () => {
  it.each(broken)("refuses a card whose description holds %s, creating no agent", async (_name, text) => {
    const before = await agentCount();
    const internal = await internalErrors();
    const bytes = cardWith("description", text);
    const preview = await upload(api.url, PREVIEW, { file: null }, { at: "file", bytes, name: "c.json" });
    expect(codesOf(preview)).toEqual(["BAD_USER_INPUT"]);
    const imported = await upload(
      api.url,
      IMPORT_CARD,
      { input: { file: null, identity: lisbon } },
      { at: "input.file", bytes, name: "c.json" },
    );
    expect(codesOf(imported)).toEqual(["BAD_USER_INPUT"]);
    expect(imported.errors![0]!.message).not.toContain("\n");
    expect(await agentCount()).toBe(before);
    expect(await internalErrors()).toBe(internal);
  });

  it.each(broken)("refuses world info whose entry holds %s, creating no book", async (_name, text) => {
    const before = await bookCount();
    const internal = await internalErrors();
    const bytes = worldInfoWith(text);
    const imported = await upload(
      api.url,
      IMPORT_BOOK,
      { file: null },
      { at: "file", bytes, name: "w.json" },
    );
    expect(codesOf(imported)).toEqual(["BAD_USER_INPUT"]);
    expect(await bookCount()).toBe(before);
    expect(await internalErrors()).toBe(internal);
  });

  it.each(broken)("refuses a chat whose message holds %s, importing nothing", async (_name, text) => {
    const token = `dev:chat-${randomUUID().slice(0, 6)}`;
    const internal = await internalErrors();
    const imported = await upload(
      api.url,
      IMPORT_CHAT,
      { input: { agentId, file: null } },
      { at: "input.file", bytes: chatWith(text), name: "chat.jsonl" },
      token,
    );
    expect(codesOf(imported)).toEqual(["BAD_USER_INPUT"]);
    const stream = conversationStreamId(userIdFor({ provider: "dev", subject: token }), agentId);
    expect(await api.system.eventStore.readStream(stream)).toEqual([]);
    expect(await internalErrors()).toBe(internal);
  });

  it("refuses world info sent under a file name holding a NUL character, creating no book", async () => {
    const before = await bookCount();
    const imported = await upload(
      api.url,
      IMPORT_BOOK,
      { file: null },
      { at: "file", bytes: worldInfoWith("Fog over the moor."), name: "Moor\u0000.json" },
    );
    expect(codesOf(imported)).toEqual(["BAD_USER_INPUT"]);
    expect(imported.errors![0]!.message).toMatch(/variables\.file\.name holds a NUL/);
    expect(await bookCount()).toBe(before);
  });
});

describe("files nested as deep as their size allows", () => {
  const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const bytesOf = (text: string) => new TextEncoder().encode(text);

  it("refuses a card, a lorebook and a chat nested too deep with BAD_USER_INPUT, creating nothing", async () => {
    const agents = await agentCount();
    const books = await bookCount();
    const internal = await internalErrors();
    const v2 = fixtureJson("v2.json") as { data: Record<string, unknown> };
    const card = JSON.stringify({ ...v2, data: { ...v2.data, extensions: { deep: "DEEP" } } }).replace(
      '"DEEP"',
      deep(200_000),
    );
    const cardResult = await upload(
      api.url,
      IMPORT_CARD,
      { input: { file: null, identity: lisbon } },
      { at: "input.file", bytes: bytesOf(card), name: "c.json" },
    );
    expect(codesOf(cardResult), JSON.stringify(cardResult)).toEqual(["BAD_USER_INPUT"]);
    const book = `{"entries":{"0":{"key":["a"],"content":"b","extra":${deep(200_000)}}}}`;
    const bookResult = await upload(
      api.url,
      IMPORT_BOOK,
      { file: null },
      { at: "file", bytes: bytesOf(book), name: "w.json" },
    );
    expect(codesOf(bookResult), JSON.stringify(bookResult)).toEqual(["BAD_USER_INPUT"]);
    const token = `dev:deep-${randomUUID().slice(0, 6)}`;
    const chat = `{"user_name":"Sam","character_name":"Tove"}\n{"name":"Sam","is_user":true,"mes":"hi","extra":${deep(200_000)}}`;
    const chatResult = await upload(
      api.url,
      IMPORT_CHAT,
      { input: { agentId, file: null } },
      { at: "input.file", bytes: bytesOf(chat), name: "chat.jsonl" },
      token,
    );
    expect(codesOf(chatResult), JSON.stringify(chatResult)).toEqual(["BAD_USER_INPUT"]);
    expect(await agentCount()).toBe(agents);
    expect(await bookCount()).toBe(books);
    expect(await internalErrors()).toBe(internal);
  });
});

describe("a card whose image declares more pixels than a browser should decode", () => {
  it("is refused with BAD_USER_INPUT naming the limit, creating no agent", async () => {
    const chunks = readPngChunks(fixtureBytes("v2.png"));
    const header = chunks[0]!.data.slice();
    new DataView(header.buffer).setUint32(0, 100_000);
    new DataView(header.buffer).setUint32(4, 100_000);
    const bytes = encodePngChunks([{ ...chunks[0]!, data: header }, ...chunks.slice(1)]);
    const before = await agentCount();
    const preview = await upload(api.url, PREVIEW, { file: null }, { at: "file", bytes, name: "c.png" });
    expect(codesOf(preview)).toEqual(["BAD_USER_INPUT"]);
    const imported = await upload(
      api.url,
      IMPORT_CARD,
      { input: { file: null, identity: lisbon } },
      { at: "input.file", bytes, name: "c.png" },
    );
    expect(codesOf(imported)).toEqual(["BAD_USER_INPUT"]);
    expect(imported.errors![0]!.message).toMatch(/100000×100000 pixels; the limit is 8192 pixels a side/);
    expect(await agentCount()).toBe(before);
  });
});

describe("a card PNG stuffed with compressed text chunks besides its card", () => {
  it("is read from its first card chunk alone, expanding no other chunk", async () => {
    const chunks = readPngChunks(fixtureBytes("v2.png"));
    const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
    const zTXt = (keyword: string, body: Uint8Array) => ({
      type: "zTXt",
      data: Uint8Array.from([...latin1(`${keyword}\0\0`), ...body]),
    });
    // Each expands to just under the card limit: thousands fit in a 10 MB file.
    const bomb = zlibSync(new Uint8Array(1_400_000));
    const stuffing = [
      ...Array.from({ length: 50 }, () => zTXt("comment", bomb)),
      zTXt("comment", latin1("not zlib at all")),
      ...Array.from({ length: 50 }, () => zTXt("chara", bomb)),
    ];
    const bytes = encodePngChunks([...chunks.slice(0, -1), ...stuffing, chunks.at(-1)!]);
    const preview = await upload(api.url, PREVIEW, { file: null }, { at: "file", bytes, name: "c.png" });
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewCard.name).toBe(
      (fixtureJson("v2.json") as { data: { name: string } }).data.name,
    );
  });
});

describe("a person and other people's chats", () => {
  it("imports and exports only their own conversation", async () => {
    const owner = `dev:owner-${randomUUID().slice(0, 6)}`;
    const ownerId = (await gql(api.url, "{ me { id } }", {}, owner)).data!.me.id as string;
    const intruder = `dev:intruder-${randomUUID().slice(0, 6)}`;
    const imported = await upload(
      api.url,
      IMPORT_CHAT,
      { input: { agentId, file: null, userId: ownerId } },
      { at: "input.file", bytes: chatWith("planted"), name: "chat.jsonl" },
      intruder,
    );
    expect(codesOf(imported)).toEqual(["FORBIDDEN"]);
    expect(await api.system.eventStore.readStream(conversationStreamId(ownerId, agentId))).toEqual([]);
    const exported = await gql(
      api.url,
      `query($agentId: ID!, $userId: ID) { exportChat(agentId: $agentId, userId: $userId) }`,
      { agentId, userId: ownerId },
      intruder,
    );
    expect(codesOf(exported)).toEqual(["FORBIDDEN"]);
  });

  it("imports a chat into a conversation with an unknown agent as NOT_FOUND", async () => {
    const imported = await upload(
      api.url,
      IMPORT_CHAT,
      { input: { agentId: randomUUID(), file: null } },
      { at: "input.file", bytes: chatWith("fine words"), name: "chat.jsonl" },
      `dev:lost-${randomUUID().slice(0, 6)}`,
    );
    expect(codesOf(imported)).toEqual(["NOT_FOUND"]);
  });

  it("refuses an admin's import into the conversation of someone erased or never registered", async () => {
    const gone = `dev:gone-${randomUUID().slice(0, 6)}`;
    const goneId = (await gql(api.url, "{ me { id } }", {}, gone)).data!.me.id as string;
    expect(
      (
        await gql(
          api.url,
          "mutation($userId: ID!) { erasePerson(userId: $userId) }",
          { userId: goneId },
          "dev",
        )
      ).data?.erasePerson,
    ).toBe(true);
    const internal = await internalErrors();
    for (const [userId, code] of [
      [goneId, "NOT_FOUND"],
      [randomUUID(), "NOT_FOUND"],
    ] as const) {
      const imported = await upload(
        api.url,
        IMPORT_CHAT,
        { input: { agentId, file: null, userId } },
        { at: "input.file", bytes: chatWith("written for nobody"), name: "chat.jsonl" },
      );
      expect(codesOf(imported), JSON.stringify(imported)).toEqual([code]);
      expect(await api.system.eventStore.readStream(conversationStreamId(userId, agentId))).toEqual([]);
    }
    expect(await internalErrors()).toBe(internal);
  });
});

describe("multipart requests written by hand", () => {
  async function multipart(parts: Record<string, string | Blob>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(parts)) form.append(name, value);
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { authorization: "Bearer dev", accept: "application/graphql-response+json" },
      body: form,
    });
    const text = await response.text();
    return { status: response.status, body: text };
  }
  const file = new Blob([JSON.stringify({ entries: {} })]);

  it.each([
    ["operations that are not JSON", { operations: "{nope", map: "{}" }],
    [
      "a map that is not JSON",
      { operations: JSON.stringify({ query: IMPORT_BOOK, variables: { file: null } }), map: "[", 0: file },
    ],
    [
      "a map naming a variable that is not there",
      {
        operations: JSON.stringify({ query: IMPORT_BOOK, variables: {} }),
        map: JSON.stringify({ 0: ["variables.nothing.deeper"] }),
        0: file,
      },
    ],
    [
      "a map naming a part that was not sent",
      {
        operations: JSON.stringify({ query: IMPORT_BOOK, variables: { file: null } }),
        map: JSON.stringify({ 9: ["variables.file"] }),
      },
    ],
    [
      "no map at all",
      { operations: JSON.stringify({ query: IMPORT_BOOK, variables: { file: null } }), 0: file },
    ],
    [
      "a file where text is expected",
      {
        operations: JSON.stringify({
          query: `mutation($name: String!) { updateProfile(input: { displayName: $name }) { id } }`,
          variables: { name: null },
        }),
        map: JSON.stringify({ 0: ["variables.name"] }),
        0: file,
      },
    ],
  ] as [string, Record<string, string | Blob>][])(
    "refuses %s as the caller's error",
    async (_name, parts) => {
      const books = await bookCount();
      const internal = await internalErrors();
      const result = await multipart(parts);
      expect(result.status, result.body).toBeGreaterThanOrEqual(400);
      expect(result.status, result.body).toBeLessThan(500);
      expect(await bookCount()).toBe(books);
      expect(await internalErrors()).toBe(internal);
    },
  );
});
