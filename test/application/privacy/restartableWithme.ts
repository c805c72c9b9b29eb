import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { type System, startWithme } from "../../../src/main.ts";
import { gql, type Loose, testServerConfig } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

export const MEMORIES = `query($agentId: ID!) { memories(agentId: $agentId) { id text } }`;
export const FORGET = `mutation($input: ForgetMemoryInput!) { forgetMemory(input: $input) { memoryId } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`;
const REPLIES = `query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 10) { edges { node { id status text } } } } }`;

/**
 * The whole system (API, projector, worker) on a database of the file's own, started again on the
 * same database and data folder whenever `start` is called: for what must outlast a restart.
 */
export function restartableWithme(token: string) {
  let database: TestDatabase;
  let dataDir: string;
  let system: System | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-restartable-"));
  }, 60_000);
  afterAll(async () => {
    await system?.lifecycle.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  return {
    get system(): System {
      if (!system) throw new Error("start the system first");
      return system;
    },
    /** Starts the system, stopping the one running first; answers the API's address. */
    async start(): Promise<string> {
      await system?.lifecycle.stop();
      const config = testServerConfig(database.url, dataDir, {
        WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
        WITHME_MUTATION_RATE_LIMIT: "1000",
      });
      system = await startWithme(config, ["api", "projector", "worker"]);
      return system.api!.url;
    },
    /** Sends a message as `token` and answers the completed reply's text. */
    async say(url: string, agentId: string, text: string): Promise<string> {
      const sent = await gql(url, SEND, { input: { agentId, text, clientMessageId: randomUUID() } }, token);
      expect(sent.errors, text).toBeUndefined();
      const replyId = sent.data!.sendMessage.replyId as string;
      return eventually(async () => {
        const edges = (await gql(url, REPLIES, { agentId }, token)).data?.conversation.messages
          .edges as Loose[];
        const reply = edges?.map((e) => e.node).find((m) => m.id === replyId && m.status === "COMPLETED");
        return reply?.text as string | undefined;
      }, 60_000);
    },
  };
}
