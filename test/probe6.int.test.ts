import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { type System, startWithme } from "../src/main.ts";
import { createTestDatabase, type TestDatabase } from "./support/testDatabase.ts";
import { JWT_ISSUER, JWT_SECRET, type Loose, signToken } from "./graphql/apiHarness.ts";

const sha = (t: string) => createHash("sha256").update(t).digest("hex");
const ME = "query Me { me { id } }";
const OPEN = "mutation Open($agentId: ID!) { openConversation(agentId: $agentId) { greetingId } }";
const AGENTS = "query Agents { agents { id } }";
let db: TestDatabase;
let system: System;
let url: string;
const out: Record<string, unknown>[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  const folder = await mkdtemp(path.join(tmpdir(), "harden-prod-"));
  const manifest = path.join(folder, "ops.json");
  await writeFile(manifest, JSON.stringify({ [sha(ME)]: ME, [sha(OPEN)]: OPEN, [sha(AGENTS)]: AGENTS }));
  const config = loadConfig({ DATABASE_URL: db.url, WITHME_ENV: "production", PORT: "0", HOST: "127.0.0.1", WITHME_DATA_DIR: folder, WITHME_LOG_LEVEL: "silent", SUPABASE_JWT_SECRET: JWT_SECRET, SUPABASE_JWT_ISSUER: JWT_ISSUER, ADMIN_SUBJECTS: "operator", WITHME_OPERATIONS_TOKEN: "ops-secret", WITHME_ASLEEP_REPLIES: "drowsy" }, { envFile: false });
  system = await startWithme(config, ["api", "projector"], { api: { persistedOperationsFile: manifest } });
  url = system.api!.url;
}, 60_000);
afterAll(async () => {
  writeFileSync("/tmp/harden-probe6.json", JSON.stringify(out, null, 1));
  await system?.lifecycle.stop();
  await db?.drop();
});
async function req(name: string, p: string, init: RequestInit = {}) {
  const r = await fetch(`${url}${p}`, init);
  out.push({ name, status: r.status, body: (await r.text()).slice(0, 400) });
}
it("production", async () => {
  const person = await signToken({ sub: "pat" });
  const admin = await signToken({ sub: "operator" });
  const H = (t: string) => ({ "content-type": "application/json", accept: "application/json", authorization: `Bearer ${t}` });
  const agents = await fetch(`${url}/graphql`, { method: "POST", headers: H(admin), body: JSON.stringify({ query: AGENTS }) });
  const agentId = ((await agents.json()) as Loose).data?.agents?.[0]?.id ?? randomUUID();
  const ext = (q: string) => encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha(q) } }));
  await req("GET persisted mutation", `/graphql?extensions=${ext(OPEN)}&variables=${encodeURIComponent(JSON.stringify({ agentId }))}`, { headers: H(person) });
  await req("GET persisted mutation with documentId", `/graphql?documentId=${sha(OPEN)}&variables=${encodeURIComponent(JSON.stringify({ agentId }))}`, { headers: H(person) });
  await req("GET persisted query", `/graphql?extensions=${ext(ME)}`, { headers: H(person) });
  await req("POST persisted query", "/graphql", { method: "POST", headers: H(person), body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(ME) } } }) });
  await req("POST introspection person", "/graphql", { method: "POST", headers: H(person), body: JSON.stringify({ query: "{ __schema { types { name } } }" }) });
  await req("POST introspection anon", "/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __schema { types { name } } }" }) });
  await req("POST __typename anon", "/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
  await req("POST persisted + query mismatch", "/graphql", { method: "POST", headers: H(person), body: JSON.stringify({ query: "{ __schema { types { name } } }", extensions: { persistedQuery: { version: 1, sha256Hash: sha(ME) } } }) });
  await req("POST persisted with documentId + query", "/graphql", { method: "POST", headers: H(person), body: JSON.stringify({ query: "{ __schema { types { name } } }", documentId: sha(ME) }) });
  await req("POST admin typo suggestion", "/graphql", { method: "POST", headers: H(admin), body: JSON.stringify({ query: "{ agnts { id } }" }) });
  await req("POST admin enum suggestion", "/graphql", { method: "POST", headers: H(admin), body: JSON.stringify({ query: `{ exportLorebook(id: "x", format: SILLY) }` }) });
  await req("POST admin var enum suggestion", "/graphql", { method: "POST", headers: H(admin), body: JSON.stringify({ query: `query($f: LorebookFileFormat) { exportLorebook(id: "x", format: $f) }`, variables: { f: "SILY" } }) });
  await req("POST admin input field suggestion", "/graphql", { method: "POST", headers: H(admin), body: JSON.stringify({ query: `query($i: UpdateProfileInput!) { __typename }`, variables: { i: { displayNam: "x" } } }) });
  await req("POST person variable field suggestion via persisted", "/graphql", { method: "POST", headers: H(person), body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(OPEN) } }, variables: { agentId: { x: 1 } } }) });
  await req("dev token", "/graphql", { method: "POST", headers: H("dev"), body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(ME) } } }) });
  await req("alg none", "/graphql", { method: "POST", headers: H(`${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"operator","iss":"' + JWT_ISSUER + '","aud":"authenticated","exp":9999999999}').toString("base64url")}.`), body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(ME) } } }) });
  await req("GET /graphql html", "/graphql", { headers: { accept: "text/html" } });
  await req("metrics anon", "/metrics");
  await req("metrics wrong token", "/metrics", { headers: { authorization: "Bearer nope" } });
  await req("status anon", "/status");
  await req("ready", "/ready");
}, 60_000);
