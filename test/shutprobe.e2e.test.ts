import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { it } from "vitest";
import { startRole } from "/work/wt/hardening/test/runtime/roleProcesses.ts";
import { wsClient, collect } from "/work/wt/hardening/test/graphql/apiHarness.ts";
import { starterAgents } from "/work/wt/hardening/src/application/agents/starterAgents.ts";

it("probe", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "withme-shut-"));
  const proc = await startRole("all", "all" as never, { WITHME_DATA_DIR: dir, WITHME_LOG_LEVEL: "debug" }, dir);
  const client = wsClient(`${proc.url.replace("http", "ws")}/graphql`, "dev:tab");
  const sub = collect(client, `subscription($a: ID!) { conversationEvents(agentId: $a) { __typename } }`, { a: starterAgents[0]!.agentId }, () => false);
  // keep-alive http connection like a browser
  await fetch(`${proc.url}/health`);
  await new Promise((r) => setTimeout(r, 1500));
  const t0 = Date.now();
  proc.child.kill("SIGINT");
  const exit = await proc.exited;
  console.log("EXIT", exit, Date.now() - t0, "ms");
  for (const l of proc.logs.filter((l) => Number(l.level) >= 40 || /stop|shut|clos/i.test(String(l.msg)))) console.log("LOG", Number(l.time) - t0, l.level, l.msg, l.component ?? "", l.err ? JSON.stringify(l.err).slice(0, 200) : "");
}, 120000);
