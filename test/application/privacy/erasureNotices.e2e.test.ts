import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userIdFor } from "../../../src/application/users/registerUser.ts";
import { loadConfig } from "../../../src/config/config.ts";
import { type System, startWithme } from "../../../src/main.ts";
import { agentInput, CREATE_AGENT, gql, wsClient } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const ME = "{ me { id } }";
const LIVE = "subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename } }";
const ERASE = "mutation($userId: ID!) { erasePerson(userId: $userId) }";

// Well below the 60 s for which a process keeps a data key in memory: only the notice can make it.
const NOTICE_WAIT_MS = 20_000;

/** The results an SSE subscription sends until the server ends its stream. */
async function sseUntilEnd(url: string, token: string, body: object): Promise<unknown[]> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("event: next"))
    .map((block) =>
      JSON.parse(
        block
          .split("\n")
          .find((line) => line.startsWith("data:"))!
          .slice(5),
      ),
    );
}

describe("an erasure in one process reaches every other process at once", () => {
  let database: TestDatabase;
  let dataDir: string;
  let eraser: System;
  let other: System;
  let agentId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-erasure-notices-"));
    const config = loadConfig(
      {
        DATABASE_URL: database.url,
        WITHME_DATA_DIR: dataDir,
        PORT: "0",
        HOST: "127.0.0.1",
        WITHME_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      },
      { envFile: false },
    );
    eraser = await startWithme(config, ["api", "projector", "worker"]);
    // The second process shares the database and the master key file in the data folder.
    other = await startWithme(config, ["api"]);
    const created = await gql(eraser.api!.url, CREATE_AGENT, { input: agentInput("Ines") }, "dev");
    agentId = created.data!.createAgent.agentId as string;
    // Erasure finds the person's pictures in the image jobs read model, built by the projector.
    await eventually(async () => {
      const { rows } = await eraser.database.pool.query<{ t: string | null }>(
        "select to_regclass('rm.image_jobs')::text as t",
      );
      return rows[0]!.t !== null;
    }, 60_000);
  }, 90_000);

  afterAll(async () => {
    await other?.lifecycle.stop();
    await eraser?.lifecycle.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("drops the person's key from the other process's memory and closes their connections there", async () => {
    const token = "dev:zoe";
    const userId = userIdFor({ provider: "dev", subject: token });
    const otherUrl = other.api!.url;
    expect((await gql(otherUrl, ME, {}, token)).data?.me.id).toBe(userId);
    // The other process now holds the person's key in memory.
    await other.privacy.keys.keyFor(userId);
    let closedWith: number | null = null;
    const socket = wsClient(`${otherUrl.replace("http", "ws")}/graphql`, token, (code) => {
      closedWith = code;
    });
    socket.subscribe(
      { query: LIVE, variables: { agentId } },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    const overSse = sseUntilEnd(`${otherUrl}/graphql`, token, { query: LIVE, variables: { agentId } });
    await eventually(async () => other.api!.openSubscriptionsOf(userId) >= 2, 30_000);
    await other.bus.whenSubscribed();

    const erased = await gql(eraser.api!.url, ERASE, { userId }, "dev");
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.erasePerson).toBe(true);

    await eventually(async () => closedWith === 4403, NOTICE_WAIT_MS);
    // An SSE subscriber hears why its stream ended, as the socket's 4403 tells it.
    const lastResult = (await overSse).at(-1) as { errors?: { extensions?: { code?: string } }[] };
    expect(lastResult.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await eventually(async () => other.api!.openSubscriptionsOf(userId) === 0, NOTICE_WAIT_MS);
    // The same sign-in is a new account from then on, on every replica.
    await eventually(async () => {
      const id = (await gql(otherUrl, ME, {}, token)).data?.me?.id;
      return typeof id === "string" && id !== userId;
    }, NOTICE_WAIT_MS);
    await expect(other.privacy.keys.keyFor(userId)).rejects.toThrow();
    await socket.dispose();
  }, 120_000);
});
