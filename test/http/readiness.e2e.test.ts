import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { eventStoreMigrations } from "../../src/adapters/postgres/eventStoreMigrations.ts";
import { migrate } from "../../src/adapters/postgres/migrations.ts";
import { starterAgents } from "../../src/application/agents/starterAgents.ts";
import { loadConfig } from "../../src/config/config.ts";
import { startWithme } from "../../src/main.ts";
import { codesOf, gql } from "../graphql/apiHarness.ts";
import { createTestDatabase } from "../support/testDatabase.ts";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("readiness", () => {
  it("says ready only once the starter companions can be written to", async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(tmpdir(), "withme-ready-"));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const config = loadConfig(
      {
        DATABASE_URL: database.url,
        WITHME_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        WITHME_LOG_LEVEL: "silent",
        WITHME_STARTER_AGENTS: "true",
      },
      { envFile: false },
    );
    // Every append waits while this transaction holds the streams table, so the starter
    // companions cannot be written until it lets go.
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    const pool = new pg.Pool({ connectionString: database.url });
    await migrate(pool, eventStoreMigrations);
    await pool.end();
    await holder.query("begin");
    await holder.query("lock table es_streams in exclusive mode");
    let held = true;
    const release = async () => {
      if (!held) return;
      held = false;
      await holder.query("commit");
      await holder.end();
    };
    let done = false;
    const starting = startWithme(config).finally(() => {
      done = true;
    });
    try {
      const seen: number[] = [];
      const poll = async () => {
        const status = await fetch(`${url}/ready`).then(
          (r) => r.status,
          () => null,
        );
        if (status !== null && seen.at(-1) !== status) seen.push(status);
        if (done && status === null) throw new Error("the server started but /ready never answered");
        return status;
      };
      // Up and answering while the companions are still being written: not ready.
      while ((await poll()) === null) await new Promise((resolve) => setImmediate(resolve));
      expect(seen).not.toContain(200);
      expect(await (await fetch(`${url}/ready`)).json()).toMatchObject({ status: "starting" });
      await release();
      while ((await poll()) !== 200) await new Promise((resolve) => setImmediate(resolve));
      // The first moment it says ready, a person can talk to every starter companion.
      const sends = await Promise.all(
        starterAgents.map((agent, i) =>
          gql(
            url,
            `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
            { input: { agentId: agent.agentId, text: "Hi!", clientMessageId: `first-${i}` } },
            "dev:early-bird",
          ),
        ),
      );
      expect(sends.flatMap(codesOf)).toEqual([]);
      expect(seen.at(-1)).toBe(200);
    } finally {
      await release();
      const system = await starting;
      await system.lifecycle.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("says ready only once the read models have caught up, so the first answers are not those of empty ones", async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(tmpdir(), "withme-ready-"));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: database.url,
      WITHME_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      WITHME_LOG_LEVEL: "silent",
      WITHME_STARTER_AGENTS: "true",
    };
    // The API and the worker (which writes the starter companions) without a projector: the
    // companions are stored, but no read model has them yet.
    const api = await startWithme(loadConfig(env, { envFile: false }), ["api", "worker"]);
    let projector: Awaited<ReturnType<typeof startWithme>> | null = null;
    try {
      const early = await fetch(`${url}/ready`);
      expect(early.status).toBe(503);
      expect(await early.json()).toMatchObject({
        status: "not ready",
        checks: { readModels: { ok: false, error: expect.stringContaining("agents") } },
      });
      projector = await startWithme(loadConfig({ ...env, PORT: "0" }, { envFile: false }), ["projector"]);
      while ((await fetch(`${url}/ready`)).status !== 200)
        await new Promise((resolve) => setImmediate(resolve));
      // The first moment it says ready, the companions are listed.
      const listed = await gql(url, "{ agents { id } }", {}, "dev:early-bird");
      expect(listed.data?.agents.map((a: { id: string }) => a.id).sort()).toEqual(
        starterAgents.map((a) => a.agentId).sort(),
      );
    } finally {
      await projector?.lifecycle.stop();
      await api.lifecycle.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
