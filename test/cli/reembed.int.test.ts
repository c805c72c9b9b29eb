import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { startWithme } from "../../src/main.ts";
import { compileCacheEnv } from "../support/compileCache.ts";
import { eventually } from "../support/coreHarness.ts";
import { registerTestPersonAndAgent, sendTestMessage } from "../support/testCommands.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const userId = "1a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d";
const agentId = "2b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";

describe("withme reembed", () => {
  let database: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-reembed-"));
    env = { DATABASE_URL: database.url, WITHME_DATA_DIR: dataDir, WITHME_LOG_LEVEL: "silent" };
    const system = await startWithme(loadConfig(env, { envFile: false }), ["worker"]);
    try {
      const now = system.clock.now();
      await registerTestPersonAndAgent(system.commands, { userId, agentId }, now);
      await sendTestMessage(system.commands, { userId, agentId, text: "I have a dog called Biscuit." }, now);
      await eventually(async () => {
        const { state } = await system.commands.load(
          conversationDecider,
          conversationStreamId(userId, agentId),
        );
        return state.memoryFacts.size === 1;
      }, 30_000);
    } finally {
      await system.lifecycle.stop();
    }
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("rebuilds the index from the log and switches to it", async () => {
    const { stdout } = await run(process.execPath, [path.join(root, "src/main.ts"), "reembed"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? root, ...compileCacheEnv(), ...env },
      timeout: 90_000,
    });
    expect(stdout.trim()).toBe(
      "reembed: 1 facts and the summaries of 1 conversations embedded again; the new index is live",
    );
  }, 120_000);
});
