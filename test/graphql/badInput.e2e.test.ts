import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { createAgent, gql, type Loose, startTestApi, type TestApi } from "./apiHarness.ts";

const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
const AGENT = `query Agent($id: ID!) { agent(id: $id) { id } }`;
const PROFILE = `mutation P($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`;

let api: TestApi;
let agentId: string;
let userId: string;
const token = "dev:careless";

beforeAll(async () => {
  api = await startTestApi();
  agentId = await createAgent(api.url, "Noor");
  userId = (await gql(api.url, "{ me { id } }", {}, token)).data!.me.id;
});
afterAll(async () => api?.close());

/** POST /graphql with the body as given and the media type asked for. */
async function post(body: unknown, accept = "application/graphql-response+json", raw = false) {
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept, authorization: `Bearer ${token}` },
    body: raw ? String(body) : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Loose };
}

const codes = (body: Loose) => (body.errors ?? []).map((e: Loose) => e.extensions?.code);

async function storedMessages(): Promise<number> {
  const events = await api.system.eventStore.readStream(conversationStreamId(userId, agentId));
  return events.filter((e) => e.type === "UserMessageSent").length;
}

async function internalErrors(): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const match = /withme_graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\} (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

const send = (input: Record<string, unknown>) => ({ query: SEND, variables: { input } });

describe("bad input is the caller's to fix: BAD_USER_INPUT, a 4xx, nothing stored, nothing logged as an error", () => {
  const cases: [string, () => unknown][] = [
    ["an object for an ID!", () => ({ query: AGENT, variables: { id: { a: 1 } } })],
    ["a number list for an ID!", () => ({ query: AGENT, variables: { id: [1, 2] } })],
    ["a missing variable", () => ({ query: AGENT, variables: {} })],
    ["no variables at all", () => ({ query: AGENT })],
    ["a missing field inside an input object", () => send({ agentId, clientMessageId: "m-1" })],
    [
      "an unknown field inside an input object",
      () => send({ agentId, text: "hi", clientMessageId: "m-2", x: 1 }),
    ],
    ["a NUL byte in message text", () => send({ agentId, text: "a\u0000b", clientMessageId: "m-3" })],
    [
      "a NUL byte in a client message id",
      () => send({ agentId, text: "hello", clientMessageId: "m\u00004" }),
    ],
    [
      "a NUL byte in an agent id",
      () => send({ agentId: `${agentId}\u0000`, text: "hello", clientMessageId: "m-5" }),
    ],
    ["a NUL byte in a query id", () => ({ query: AGENT, variables: { id: "a\u0000" } })],
    ["a NUL byte in a string literal", () => ({ query: `{ agent(id: "a\\u0000b") { id } }` })],
    [
      "a lone high surrogate in message text",
      () => send({ agentId, text: "hi \ud83d", clientMessageId: "m-6" }),
    ],
    [
      "a lone low surrogate in message text",
      () => send({ agentId, text: "\udc00 there", clientMessageId: "m-7" }),
    ],
    ["a lone surrogate in a string literal", () => ({ query: `{ agent(id: "\\ud800") { id } }` })],
    [
      "a lone surrogate in a display name",
      () => ({ query: PROFILE, variables: { input: { displayName: "Sam\ud800" } } }),
    ],
    [
      "a list literal nested 1,900 deep",
      () => ({ query: `{ agent(id: ${"[".repeat(1900)}1${"]".repeat(1900)}) { id } }` }),
    ],
    ["an unknown operation name", () => ({ query: AGENT, variables: { id: "x" }, operationName: "Nope" })],
    ["a document that does not parse", () => ({ query: "{ agent(id: " })],
  ];

  it.each(cases)("%s", async (_name, body) => {
    const before = { messages: await storedMessages(), internal: await internalErrors() };
    const answer = await post(body());
    expect(codes(answer.body).length).toBeGreaterThan(0);
    expect(new Set(codes(answer.body))).toEqual(new Set(["BAD_USER_INPUT"]));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(await storedMessages()).toBe(before.messages);
    expect(await internalErrors()).toBe(before.internal);
  });

  it("refuses ids over 128 characters in queries as in mutations, in the field's error", async () => {
    const long = "a".repeat(100_000);
    const before = await internalErrors();
    for (const body of [
      { query: AGENT, variables: { id: long } },
      { query: "query($id: ID!) { conversation(agentId: $id) { state { mood } } }", variables: { id: long } },
    ]) {
      const answer = await post(body);
      expect(codes(answer.body), body.query).toEqual(["BAD_USER_INPUT"]);
      expect(answer.status).toBeLessThan(500);
    }
    expect(await internalErrors()).toBe(before);
  });

  it("maps yoga's own refusals of malformed requests to BAD_USER_INPUT", async () => {
    for (const raw of [
      "[]",
      '"text"',
      "null",
      "{",
      '{"query": 42}',
      '{"query":"{ __typename }","variables":"x"}',
    ]) {
      const answer = await post(raw, "application/graphql-response+json", true);
      expect(new Set(codes(answer.body)), raw).toEqual(new Set(["BAD_USER_INPUT"]));
      expect(answer.status, raw).toBe(400);
    }
  });

  it("still answers a well-formed message, and the same code to application/json clients", async () => {
    const ok = await post(send({ agentId, text: "a proper message ☕", clientMessageId: "ok-1" }));
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    const legacy = await post({ query: AGENT, variables: { id: { a: 1 } } }, "application/json");
    expect(legacy.status).toBeLessThan(500);
    expect(codes(legacy.body)).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("bodies that are not JSON", () => {
  it.each([
    ["text/plain", "hello"],
    ["", '{"query":"{ me { id } }"}'],
    ["application/xml", "<query/>"],
    // A form post needs no preflight: GraphQL is not taken from one.
    ["application/x-www-form-urlencoded", "query=%7B%20me%20%7B%20id%20%7D%20%7D"],
    ["application/x-www-form-urlencoded; charset=utf-8", "query=%7B%20me%20%7B%20id%20%7D%20%7D"],
    ["application/graphql", "{ me { id } }"],
  ])("answers 415 with a coded error to a %j body", async (type, raw) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { ...(type ? { "content-type": type } : {}), authorization: `Bearer ${token}` },
      body: raw,
    });
    expect(response.status).toBe(415);
    expect(codes(await response.json())).toEqual(["BAD_USER_INPUT"]);
  });

  it.each([["{nope"], [""], ["\u0000\u0001"], ['{"query": "{ me { id } }"']])(
    "answers 400 BAD_USER_INPUT to %j without the parser's message or other internals",
    async (raw) => {
      for (const accept of ["application/graphql-response+json", "application/json"]) {
        const response = await fetch(`${api.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", accept, authorization: `Bearer ${token}` },
          body: raw,
        });
        const text = await response.text();
        expect(response.status).toBe(400);
        expect(codes(JSON.parse(text))).toEqual(["BAD_USER_INPUT"]);
        expect(text).not.toMatch(/originalError|SyntaxError|position|stack/i);
      }
    },
  );
});

describe("GraphQL over HTTP: a response without data is a 4xx for application/graphql-response+json", () => {
  it("answers 400 for a used variable that fails coercion, and for a missing one", async () => {
    const coercion = await post({ query: AGENT, variables: { id: { a: 1 } } });
    expect(coercion.status).toBe(400);
    expect(coercion.body.data).toBeUndefined();
    const missing = await post({ query: AGENT, variables: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toBeUndefined();
  });

  it("answers 400 when the armour refuses too many aliases or too high a cost", async () => {
    const aliases = await post({
      query: `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(" ")} }`,
    });
    expect(aliases.status).toBe(400);
    expect(codes(aliases.body)).toContain("BAD_USER_INPUT");
    const costly = await post({
      query: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: conversation(agentId: "x") { messages(last: 50) { edges { node { id text } } } state { mood affinity } }`).join(" ")} }`,
    });
    expect(costly.status).toBe(400);
    expect(costly.body.data).toBeUndefined();
    // The armour's refusals are not syntax errors, whatever graphql-armor calls them.
    for (const refused of [aliases, costly])
      for (const error of refused.body.errors) expect(error.message).not.toMatch(/^Syntax Error/);
  });

  it("answers 200 with data when a field fails during execution", async () => {
    const answer = await post({ query: AGENT, variables: { id: "nobody-here" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveProperty("data");
  });
});

describe("query-string requests are checked like JSON bodies; form posts are not read at all", () => {
  const me = encodeURIComponent("{ me { id } }");
  const cases: [string, string][] = [
    ["variables that are not JSON", `query=${me}&variables=%7B`],
    ["extensions that are not JSON", `query=${me}&extensions=%7B`],
    ["no query at all", "variables=%7B%7D"],
    ["an empty query", "query="],
  ];

  async function answer(response: Response) {
    return { status: response.status, body: (await response.json()) as Loose };
  }

  it.each(cases)("GET with %s", async (_name, search) => {
    const before = await internalErrors();
    const got = await answer(
      await fetch(`${api.url}/graphql?${search}`, {
        headers: { accept: "application/graphql-response+json", authorization: `Bearer ${token}` },
      }),
    );
    expect(new Set(codes(got.body))).toEqual(new Set(["BAD_USER_INPUT"]));
    expect(got.status).toBe(400);
    expect(await internalErrors()).toBe(before);
  });

  it.each(cases)("a form POST with %s is refused for its media type", async (_name, search) => {
    const before = await internalErrors();
    const got = await answer(
      await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/graphql-response+json",
          authorization: `Bearer ${token}`,
        },
        body: search,
      }),
    );
    expect(new Set(codes(got.body))).toEqual(new Set(["BAD_USER_INPUT"]));
    expect(got.status).toBe(415);
    expect(await internalErrors()).toBe(before);
  });
});

describe("a DateTime that is not an instant is the caller's to fix", () => {
  const AS_OF = `query($agentId: ID!, $at: DateTime) {
    conversation(agentId: $agentId, asOf: { at: $at }) { state { mood } }
  }`;
  const ONCE = `mutation($agentId: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
    addScenario(input: {
      agentId: $agentId, title: "Away", description: "On a trip.",
      window: { once: { startsAt: $startsAt, endsAt: $endsAt } }
    }) { agentId }
  }`;
  const notInstants: [string, string][] = [
    ["a day that does not exist", "2030-02-30T09:00:00Z"],
    ["no offset (whose local time?)", "2030-01-01T09:00:00"],
    ["a year of six digits", "+275760-09-12T00:00:00Z"],
    ["a date in words", "December 17, 2030 03:24:00"],
  ];

  it.each(notInstants)("%s, as asOf or as a scenario's window", async (_name, at) => {
    const before = await internalErrors();
    const past = await post({ query: AS_OF, variables: { agentId, at } });
    expect(codes(past.body)).toEqual(["BAD_USER_INPUT"]);
    const scenario = await gql(api.url, ONCE, { agentId, startsAt: at, endsAt: at }, "dev");
    expect(new Set(codes(scenario))).toEqual(new Set(["BAD_USER_INPUT"]));
    expect(await internalErrors()).toBe(before);
  });

  it("takes an instant with an offset, as the same instant in UTC", async () => {
    const scenario = await gql(
      api.url,
      ONCE,
      { agentId, startsAt: "2030-01-01T10:00:00+02:00", endsAt: "2030-01-01T12:00:00+02:00" },
      "dev",
    );
    expect(scenario.errors).toBeUndefined();
    const past = await post({ query: AS_OF, variables: { agentId, at: "2030-01-01T10:00:00.123456+02:00" } });
    expect(past.body.errors).toBeUndefined();
  });
});
