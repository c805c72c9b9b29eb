import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, it } from "vitest";
import WebSocket from "ws";
import { createAgent, gql, type Loose, signToken, startTestApi, type TestApi } from "./graphql/apiHarness.ts";

let api: TestApi;
let agentId: string;
const out: Record<string, unknown>[] = [];

beforeAll(async () => {
  api = await startTestApi({ WITHME_OFFLINE_TOKEN_DELAY_MS: "0" }, ["api", "projector", "worker"]);
  agentId = await createAgent(api.url, "Oda");
}, 60_000);
afterAll(async () => {
  writeFileSync("/tmp/harden-probe5.json", JSON.stringify(out, null, 1));
  await api?.close();
});

it("abort storms", async () => {
  const SEND = `mutation($i: SendMessageInput!) { sendMessage(input: $i) { replyId } }`;
  // abort sends at various points
  for (let k = 0; k < 30; k++) {
    const c = new AbortController();
    const p = fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer dev:aborter" }, body: JSON.stringify({ query: SEND, variables: { i: { agentId, text: `abort ${k}`, clientMessageId: `ab${k}` } } }), signal: c.signal }).catch(() => null);
    setTimeout(() => c.abort(), k % 10);
    await p;
  }
  // SSE abort immediately
  for (let k = 0; k < 20; k++) {
    const c = new AbortController();
    const p = fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream", authorization: "Bearer dev:sser" }, body: JSON.stringify({ query: `subscription { conversationEvents(agentId: "${agentId}") { __typename } }` }), signal: c.signal }).catch(() => null);
    setTimeout(() => c.abort(), k * 3);
    await p;
  }
  // ws: subscribe then close at once, many times
  for (let k = 0; k < 20; k++) {
    const ws = new WebSocket(api.wsUrl, "graphql-transport-ws");
    await new Promise((r) => ws.on("open", r));
    ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: "Bearer dev:wsq" } }));
    ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: `subscription { conversationEvents(agentId: "${agentId}") { __typename } }` } }));
    if (k % 2) ws.terminate(); else ws.close();
  }
  // ws: half-open request with partial body
  for (let k = 0; k < 5; k++) {
    await new Promise<void>((resolve) => {
      const s = net.connect(Number(new URL(api.url).port), "127.0.0.1", () => {
        s.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer dev:half\r\nContent-Length: 1000\r\n\r\n{"query":`);
        setTimeout(() => { s.destroy(); resolve(); }, 50);
      });
      s.on("error", () => resolve());
    });
  }
  // concurrent sends same conversation different ids
  const many = await Promise.all(Array.from({ length: 20 }, (_, k) => gql(api.url, SEND, { i: { agentId, text: `c${k}`, clientMessageId: `cc${k}` } }, "dev:concurrent")));
  out.push({ name: "concurrent sends", codes: many.map((m) => (m.errors ?? []).map((e: Loose) => e.extensions?.code).join(",") || "ok") });
  // ws subscription with token expiring in 2s, check close
  const short = await signToken({ sub: "shorty", expiresIn: Math.floor(Date.now() / 1000) + 2 });
  const ws = new WebSocket(api.wsUrl, "graphql-transport-ws");
  const msgs: Loose[] = [];
  ws.on("message", (m) => msgs.push(JSON.parse(String(m))));
  const closed = new Promise<number>((r) => ws.on("close", (code) => r(code)));
  await new Promise((r) => ws.on("open", r));
  ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${short}` } }));
  ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: `subscription { conversationEvents(agentId: "${agentId}") { __typename } }` } }));
  const code = await Promise.race([closed, new Promise((r) => setTimeout(() => r("still open"), 8000))]);
  out.push({ name: "expiring token ws", code, msgs: JSON.stringify(msgs).slice(0, 400) });
  // SSE with expiring token
  const short2 = await signToken({ sub: "shorty2", expiresIn: Math.floor(Date.now() / 1000) + 2 });
  const c = new AbortController();
  const started = Date.now();
  const r = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${short2}` }, body: JSON.stringify({ query: `subscription { conversationEvents(agentId: "${agentId}") { __typename } }` }), signal: c.signal });
  let text = "";
  const timer = setTimeout(() => c.abort(), 8000);
  try {
    const reader = r.body!.getReader();
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
  } catch {}
  clearTimeout(timer);
  out.push({ name: "expiring token sse", ended: text.includes("complete") || text.includes("errors"), after: Date.now() - started, text: text.slice(0, 600) });
  // SSE subscription, erase the person
  const eraseTok = "dev:sseerase";
  const eraseId = (await gql(api.url, "{ me { id } }", {}, eraseTok)).data!.me.id;
  const c2 = new AbortController();
  const r2 = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${eraseTok}` }, body: JSON.stringify({ query: `subscription { conversationEvents(agentId: "${agentId}") { __typename } }` }), signal: c2.signal });
  await new Promise((res) => setTimeout(res, 500));
  await gql(api.url, "mutation($u: ID!) { erasePerson(userId: $u) }", { u: eraseId }, "dev");
  let text2 = "";
  const timer2 = setTimeout(() => c2.abort(), 6000);
  try {
    const reader = r2.body!.getReader();
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      text2 += new TextDecoder().decode(value);
    }
  } catch {}
  clearTimeout(timer2);
  out.push({ name: "erased while sse", text: text2.slice(0, 600) });
  out.push({ name: "health", status: (await fetch(`${api.url}/health`)).status });
  const me = await gql(api.url, "{ me { id } }", {}, "dev:after");
  out.push({ name: "still answers", ok: !!me.data });
}, 120_000);
