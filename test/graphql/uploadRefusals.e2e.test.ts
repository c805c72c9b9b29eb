import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, type Loose, signToken, startTestApi, type TestApi } from "./apiHarness.ts";
import { upload } from "./uploads.ts";

const PREVIEW = `mutation($file: File!) { previewCard(file: $file) { name } }`;

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
}, 60_000);
afterAll(async () => api?.close());

/** POSTs a multipart form with the fields as given; a string field goes as text, bytes as a file. */
async function postForm(fields: [string, string | Uint8Array][], token: string | null = "dev") {
  const form = new FormData();
  for (const [name, value] of fields)
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([Uint8Array.from(value)]), "card.json");
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      accept: "application/graphql-response+json, application/json",
    },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Loose };
}

const operations = JSON.stringify({ query: PREVIEW, variables: { file: null } });
const card = new TextEncoder().encode("{}");

const malformed: [string, [string, string | Uint8Array][]][] = [
  [
    "operations that are not JSON",
    [
      ["operations", "{nope"],
      ["map", '{"0":["variables.file"]}'],
      ["0", card],
    ],
  ],
  [
    "operations that are null",
    [
      ["operations", "null"],
      ["map", '{"0":["variables.file"]}'],
      ["0", card],
    ],
  ],
  ["operations that are a number", [["operations", "7"]]],
  ["operations sent as a file", [["operations", card]]],
  ["no operations at all", [["map", "{}"]]],
  [
    "a map that is not JSON",
    [
      ["operations", operations],
      ["map", "{0:"],
      ["0", card],
    ],
  ],
  [
    "a map that is a list",
    [
      ["operations", operations],
      ["map", '["variables.file"]'],
      ["0", card],
    ],
  ],
  [
    "a map whose paths are not a list",
    [
      ["operations", operations],
      ["map", '{"0":"variables.file"}'],
      ["0", card],
    ],
  ],
  [
    "a map whose paths are numbers",
    [
      ["operations", operations],
      ["map", '{"0":[5]}'],
      ["0", card],
    ],
  ],
  [
    "a map naming a file not sent",
    [
      ["operations", operations],
      ["map", '{"9":["variables.file"]}'],
    ],
  ],
  [
    "a map path outside variables",
    [
      ["operations", operations],
      ["map", '{"0":["query"]}'],
      ["0", card],
    ],
  ],
  [
    "a map path through the prototype",
    [
      ["operations", operations],
      ["map", '{"0":["variables.__proto__.x"]}'],
      ["0", card],
    ],
  ],
  [
    "a map path through a plain value",
    [
      ["operations", JSON.stringify({ query: PREVIEW, variables: { file: "text" } })],
      ["map", '{"0":["variables.file.inner"]}'],
      ["0", card],
    ],
  ],
];

describe("multipart uploads that are malformed", () => {
  it.each(malformed)("answers 400 BAD_USER_INPUT to %s, without internals", async (_name, fields) => {
    const answer = await postForm(fields);
    expect(answer.status).toBe(400);
    expect(codesOf(answer.body)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.text).not.toMatch(/originalError|stack|TypeError|at .*\.js/);
  });

  it.each([
    ["a text variable", `query($id: ID!) { agent(id: $id) { id } }`, { id: null }, "variables.id", "an ID"],
    [
      "a text field of an input",
      `mutation($i: SendMessageInput!) { sendMessage(input: $i) { duplicate } }`,
      { i: { agentId: "a", clientMessageId: "c", text: null } },
      "variables.i.text",
      "a String",
    ],
  ])("names a file mapped to %s, without printing the upload", async (_name, query, variables, at, type) => {
    const answer = await postForm([
      ["operations", JSON.stringify({ query, variables })],
      ["map", JSON.stringify({ 0: [at] })],
      ["0", card],
    ]);
    expect(answer.status).toBe(400);
    expect(codesOf(answer.body)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.body.errors?.[0]?.message).toBe(
      `Check the upload: ${at} takes ${type}, not a file; map files only to File arguments.`,
    );
    expect(answer.text).not.toMatch(/blobParts|_buffer|lastModified/);
  });

  it("answers 400 to a legacy client that accepts only application/json, or says nothing", async () => {
    for (const accept of ["application/json", null]) {
      const form = new FormData();
      form.append("operations", "null");
      const response = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { authorization: "Bearer dev", ...(accept ? { accept } : {}) },
        body: form,
      });
      expect(response.status, String(accept)).toBe(400);
      expect(codesOf((await response.json()) as Loose)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("still reads a well-formed upload", async () => {
    const answer = await upload(
      api.url,
      PREVIEW,
      { file: null },
      { at: "file", bytes: card, name: "c.json" },
    );
    expect(answer.status).not.toBe(500);
    expect(codesOf(answer).every((code) => code === "BAD_USER_INPUT")).toBe(true);
    expect(answer.errors?.[0]?.message ?? "").not.toMatch(/Check the upload/);
  });
});

describe("the upload body limit", () => {
  const big = new Uint8Array(300 * 1024).fill(32);
  const fields: [string, string | Uint8Array][] = [
    ["operations", operations],
    ["map", '{"0":["variables.file"]}'],
    ["0", big],
  ];

  it("is the normal one (~100 KB) without credentials, or with credentials that do not verify", async () => {
    const forged = await signToken({ sub: "mallory", secret: "not-the-secret-0123456789abcdef-xyz" });
    for (const token of [null, "Bearer-less", forged, "dev:"]) {
      const answer = await postForm(fields, token);
      expect(answer.status, String(token)).toBe(413);
      expect(codesOf(answer.body)).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("is the upload one once the credentials verify", async () => {
    const answer = await postForm(fields, "dev");
    expect(answer.status).not.toBe(413);
    expect(answer.status).not.toBe(500);
  });
});
