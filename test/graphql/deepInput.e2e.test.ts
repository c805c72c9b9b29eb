import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, gql, type Loose, startTestApi, type TestApi, wsClient } from "./apiHarness.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
}, 60_000);
afterAll(async () => api?.close());

function nestedList(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

function nestedObject(levels: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** The raw body, so a depth JSON.stringify could not write itself still reaches the server. */
async function postRaw(body: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      authorization: "Bearer dev",
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Loose };
}

describe("input nested too deeply", () => {
  it("accepts variables 64 levels deep", async () => {
    const answer = await gql(
      api.url,
      "{ me { id } }",
      { deep: nestedList(64), wide: nestedObject(64) },
      "dev",
    );
    expect(answer.errors).toBeUndefined();
  });

  it.each([
    ["a list 65 levels deep", nestedList(65)],
    ["an object 65 levels deep", nestedObject(65)],
    ["a list 3000 levels deep", nestedList(3000)],
  ])("refuses variables holding %s with BAD_USER_INPUT", async (_name, deep) => {
    const answer = await gql(api.url, "query($id: ID!) { agent(id: $id) { id } }", { id: "x", deep }, "dev");
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.errors![0]!.message).toMatch(/at most 64/);
  });

  it("refuses variables 40,000 levels deep (beyond what a recursive walk survives)", async () => {
    const levels = 40_000;
    const answer = await postRaw(
      `{"query":"{ me { id } }","variables":{"deep":${"[".repeat(levels)}${"]".repeat(levels)}}}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: Loose) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers 400 to a legacy client that accepts only application/json", async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        authorization: "Bearer dev",
      },
      body: JSON.stringify({ query: "{ me { id } }", variables: { deep: nestedList(100) } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Loose).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it.each([
    ["a list literal", `{ agent(id: ${"[".repeat(70)}"x"${"]".repeat(70)}) { id } }`],
    ["an object literal", `{ agent(id: ${"{a: ".repeat(70)}"x"${"}".repeat(70)}) { id } }`],
    ["a list literal 20,000 deep", `{ agent(id: ${"[".repeat(20_000)}"x"${"]".repeat(20_000)}) { id } }`],
  ])("refuses %s nested deeper than 64 levels in the document", async (_name, query) => {
    const answer = await gql(api.url, query, {}, "dev");
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(["BAD_USER_INPUT"]);
  });

  it("refuses deep variables over a WebSocket too, and keeps the socket", async () => {
    let closed: number | null = null;
    const client = wsClient(api.wsUrl, "dev", (code) => {
      closed = code;
    });
    const answer = await new Promise<Loose>((resolve) => {
      client.subscribe(
        { query: "{ me { id } }", variables: { deep: nestedList(2000) } },
        { next: resolve, error: (errors) => resolve({ errors }), complete: () => {} },
      );
    });
    expect((answer.errors as Loose[]).map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    const fine = await new Promise<Loose>((resolve) => {
      client.subscribe({ query: "{ me { id } }" }, { next: resolve, error: resolve, complete: () => {} });
    });
    expect(fine.data?.me.id).toEqual(expect.any(String));
    expect(closed).toBeNull();
    await client.dispose();
  });
});
