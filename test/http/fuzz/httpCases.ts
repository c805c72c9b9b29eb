import type { Rng } from "../../projections/workload/random.ts";

/** Bytes to write on a fresh connection, and what kind of damage they carry (for the failure report). */
export interface RawCase {
  label: string;
  bytes: Buffer;
}

const METHODS = [
  "GET",
  "POST",
  "HEAD",
  "OPTIONS",
  "PUT",
  "DELETE",
  "PATCH",
  "TRACE",
  "CONNECT",
  "get",
  "G(T",
  "BREW",
  "M-SEARCH",
  "",
];
const PATHS = [
  "/health",
  "/ready",
  "/status",
  "/metrics",
  "/graphql",
  "/webhooks/fal",
  "/media/x.png",
  "/internal/scheduler/tick",
  "/",
  "/admin",
  "/assets/x.js",
  "/nowhere",
];
const BAD_TARGETS = [
  "http://[",
  "http://[::1",
  "http://a b/health",
  "https://%zz/health",
  "//[/health",
  "*",
  "",
  "health",
  "/%zz",
  "/%",
  "/graphql?query=%zz",
  "/graphql?query={__typename}&variables=%7B",
  "/\u00ff\u00fe",
  `/${"a".repeat(6000)}`,
  "/graphql#frag",
  "/..%2f..%2fetc/passwd",
  "/media/%2e%2e/%2e%2e/secret",
  "http://localhost:99999/health",
  "ftp://x/health",
];
const HOSTS = [
  "a b",
  "[",
  "a:b:c",
  "%zz",
  "",
  "localhost",
  "[::1]",
  "127.0.0.1:4000",
  "x".repeat(300),
  "ümlaut",
  "a/b",
  "@",
  "a:",
  ":80",
];
const VERSIONS = ["HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9", "HTTP/1.1 extra", "HTTX/1.1", ""];
const HEADER_VALUES = [
  "",
  " ",
  "\u00ff\u00fe",
  "x".repeat(9000),
  "Bearer",
  "Bearer ",
  "Bearer dev",
  "Bearer dev:\u00e9",
  "Bearer a.b.c",
  "Basic Zm9vOmJhcg==",
  "text/event-stream",
  "multipart/mixed",
  "application/graphql-response+json",
  "application/json; charset=utf-16",
  "-1",
  "1e3",
  "99999999999999999999",
  "chunked",
  "gzip",
  "100-continue",
  "websocket",
  "Upgrade",
];
const HEADER_NAMES = [
  "authorization",
  "content-type",
  "accept",
  "x-request-id",
  "cookie",
  "origin",
  "accept-encoding",
  "content-encoding",
  "expect",
  "connection",
  "upgrade",
  "sec-websocket-key",
  "sec-websocket-version",
  "sec-websocket-protocol",
  "X-Fal-Webhook-Signature",
  "x-forwarded-for",
  "range",
  "if-none-match",
];

/** A document or a body a careless or hostile client might send to `/graphql`. */
export function graphqlBody(rng: Rng): string {
  const documents = [
    "{ __typename }",
    "{ me { id } }",
    "{ agents { id name } }",
    "query($id: ID!) { agent(id: $id) { id } }",
    'mutation { sendMessage(input: {agentId: "x", text: "hi", clientMessageId: "c"}) { replyId } }',
    'subscription { conversationEvents(agentId: "x") { __typename } }',
    "{",
    "}",
    "{ me { id ",
    "query q { ...F } fragment F on Query { ...F }",
    `{ ${"a: __typename ".repeat(40)} }`,
    `{ me ${"{ id ".repeat(30)}${"}".repeat(30)} }`,
    `query($x: [Int]) { __typename } `,
    "\u0000",
    "{ __typename @skip(if: true) @skip(if: true) }",
  ];
  const document = rng.pick(documents);
  const shapes: (() => string)[] = [
    () => JSON.stringify({ query: document, variables: variablesFor(rng) }),
    () => JSON.stringify({ query: document, variables: "not an object" }),
    () => JSON.stringify({ query: 42 }),
    () => JSON.stringify({ query: document, operationName: { a: 1 } }),
    () =>
      JSON.stringify({
        query: document,
        extensions: { persistedQuery: { sha256Hash: rng.uuid(), version: 1 } },
      }),
    () => JSON.stringify([{ query: document }, { query: document }]),
    () => JSON.stringify({ query: document }).slice(0, 1 + rng.int(20)),
    () => "null",
    () => "[]",
    () => '"just a string"',
    () => `{"query": "${"[".repeat(2000)}"}`,
    () =>
      `{"query": "query($v: [Int]) { __typename }", "variables": {"v": ${"[".repeat(1900)}${"]".repeat(1900)}}}`,
    () => Buffer.from(Array.from({ length: 1 + rng.int(64) }, () => rng.int(256))).toString("latin1"),
  ];
  return rng.pick(shapes)();
}

function variablesFor(rng: Rng): unknown {
  const values: unknown[] = [
    { id: { a: 1 } },
    { id: null },
    { id: "a\u0000b" },
    { id: "\ud800" },
    { id: 12 },
    { id: "x".repeat(5000) },
    { input: { agentId: "x" } },
    { input: { agentId: "x", text: "\ud83d", clientMessageId: "c" } },
    { input: { agentId: "x", text: "nul\u0000byte", clientMessageId: "c\u0000" } },
    { input: "string" },
    [],
    null,
    { __proto__: { polluted: true } },
    { constructor: { prototype: { polluted: true } } },
  ];
  return rng.pick(values);
}

function header(rng: Rng): string {
  const name = rng.chance(0.85) ? rng.pick(HEADER_NAMES) : `X-${rng.uuid().slice(0, 6)}`;
  return `${name}: ${rng.pick(HEADER_VALUES)}`;
}

/** One malformed (or merely odd) HTTP/1.x exchange. */
export function rawCase(rng: Rng): RawCase {
  const method = rng.chance(0.8) ? rng.pick(METHODS.slice(0, 8)) : rng.pick(METHODS);
  const target = rng.chance(0.55) ? rng.pick(PATHS) : rng.pick(BAD_TARGETS);
  const version = rng.chance(0.85) ? "HTTP/1.1" : rng.pick(VERSIONS);
  const lines = [`${method} ${target} ${version}`.trimEnd()];
  if (rng.chance(0.9)) lines.push(`Host: ${rng.chance(0.6) ? rng.pick(HOSTS) : "127.0.0.1"}`);
  if (rng.chance(0.1)) lines.push(`Host: ${rng.pick(HOSTS)}`);
  for (let i = rng.int(5); i > 0; i--) lines.push(header(rng));
  const upgrade = rng.chance(0.2);
  if (upgrade) {
    lines.push("Connection: Upgrade", "Upgrade: websocket");
    if (rng.chance(0.7))
      lines.push(`Sec-WebSocket-Key: ${rng.pick(["dGhlIHNhbXBsZSBub25jZQ==", "short", "", "%%%%"])}`);
    if (rng.chance(0.7)) lines.push(`Sec-WebSocket-Version: ${rng.pick(["13", "8", "x", ""])}`);
    if (rng.chance(0.6))
      lines.push(`Sec-WebSocket-Protocol: ${rng.pick(["graphql-transport-ws", "graphql-ws", "a, b", ""])}`);
  }
  let body = "";
  if (!upgrade && rng.chance(0.5)) {
    body = graphqlBody(rng);
    if (rng.chance(0.5)) lines.push("Content-Type: application/json");
    const length = Buffer.byteLength(body, "latin1");
    lines.push(
      rng.chance(0.85)
        ? `Content-Length: ${length}`
        : `Content-Length: ${rng.pick(["-1", "abc", `${length}, ${length + 1}`, "0", `${Math.max(0, length - 3)}`])}`,
    );
  } else if (rng.chance(0.1)) {
    lines.push("Transfer-Encoding: chunked");
    body = rng.pick(["0\r\n\r\n", "zz\r\nabc\r\n0\r\n\r\n", "5\r\nab\r\n0\r\n\r\n", "ffffffffffffffff\r\n"]);
  }
  const separator = rng.chance(0.95) ? "\r\n" : rng.pick(["\n", "\r", "\r\n\u0000"]);
  const text = `${lines.join(separator)}${separator}${separator}${body}`;
  return { label: JSON.stringify(text.slice(0, 300)), bytes: Buffer.from(text, "latin1") };
}
