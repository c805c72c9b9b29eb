import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Loose, startTestApi, type TestApi } from "../graphql/apiHarness.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => api?.close());

const TOKEN = "Bearer dev:envelope";

async function call(init: RequestInit): Promise<{ status: number; type: string | null; body: Loose }> {
  const response = await fetch(`${api.url}/graphql`, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), body: JSON.parse(text) };
}

const codes = (body: Loose) => (body.errors ?? []).map((e: Loose) => e.extensions?.code);

/** Every refusal at /graphql is a GraphQL error a client can read, whatever was wrong with the request. */
describe("requests /graphql cannot serve get a GraphQL error with a code", () => {
  it.each(["PUT", "DELETE", "PATCH"])("%s: 405 naming the methods", async (method) => {
    const answer = await call({ method, headers: { "content-type": "application/json" }, body: "{}" });
    expect(answer.status).toBe(405);
    expect(answer.type).toMatch(/^application\/json/);
    expect(codes(answer.body)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.body.errors[0].message).toMatch(/GET or POST/);
  });

  it("a media type the server cannot answer in: 406, still as JSON", async () => {
    const answer = await call({
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/xml", authorization: TOKEN },
      body: JSON.stringify({ query: "{ me { id } }" }),
    });
    expect(answer.status).toBe(406);
    expect(answer.type).toMatch(/^application\/json/);
    expect(codes(answer.body)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.body.errors[0].message).toMatch(/application\/graphql-response\+json|application\/json/);
  });

  it("a body that is not UTF-8: 400, nothing run", async () => {
    const text = '{"query":"mutation { updateProfile(input: { displayName: \\"Bad ';
    const body = Buffer.concat([
      Buffer.from(text),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('\\" }) { id } }"}'),
    ]);
    const answer = await call({
      method: "POST",
      headers: { "content-type": "application/json", authorization: TOKEN },
      body: new Uint8Array(body),
    });
    expect(answer.status).toBe(400);
    expect(codes(answer.body)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.body.errors[0].message).toMatch(/UTF-8/);
    const me = await call({
      method: "POST",
      headers: { "content-type": "application/json", authorization: TOKEN },
      body: JSON.stringify({ query: "{ me { displayName } }" }),
    });
    expect(me.body.data.me.displayName).not.toContain("\ufffd");
  });

  it("a compressed body: 415 saying to send it uncompressed, not that its text is broken", async () => {
    const answer = await call({
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip", authorization: TOKEN },
      body: new Uint8Array(gzipSync(JSON.stringify({ query: "{ me { id } }" }))),
    });
    expect(answer.status).toBe(415);
    expect(codes(answer.body)).toEqual(["BAD_USER_INPUT"]);
    expect(answer.body.errors[0].message).toMatch(/uncompressed/);
    const identity = await call({
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "identity", authorization: TOKEN },
      body: JSON.stringify({ query: "{ me { id } }" }),
    });
    expect(identity.body.data.me.id).toEqual(expect.any(String));
  });
});
