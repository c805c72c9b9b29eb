import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type System, startWithme } from "../../../src/main.ts";
import { createAgent, gql, type Loose, testServerConfig } from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { createTestDatabase } from "../../support/testDatabase.ts";

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`;
const TOKEN = "dev:wren";

describe("exportMyData while no projector runs", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataDir: string;
  let api: System;
  let agentId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "rights-export-"));
    api = await startWithme(testServerConfig(database.url, dataDir), ["api"]);
    const projector = await startWithme(testServerConfig(database.url, dataDir), ["projector"]);
    agentId = await createAgent(api.api!.url, "Noor");
    // The read models have seen the agent (and an export can be answered); then the projector stops.
    await eventually(async () => {
      const listed = await gql(api.api!.url, "{ agents { id } }", {}, TOKEN);
      return listed.data?.agents.some((a: { id: string }) => a.id === agentId);
    });
    await projector.lifecycle.stop();
  }, 60_000);

  afterAll(async () => {
    await api?.lifecycle.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("holds a conversation begun after the read models last moved", async () => {
    const secret = `harbour-${randomUUID()}`;
    const url = api.api!.url;
    const sent = await gql(
      url,
      SEND,
      { input: { agentId, text: `My boat is at ${secret}.`, clientMessageId: randomUUID() } },
      TOKEN,
    );
    expect(sent.errors).toBeUndefined();
    const exported = await gql(url, "{ exportMyData }", {}, TOKEN);
    expect(exported.errors).toBeUndefined();
    const conversations = exported.data?.exportMyData.conversations as Loose[];
    expect(conversations.map((c) => c.agentId)).toEqual([agentId]);
    expect(JSON.stringify(conversations)).toContain(secret);
  }, 60_000);
});
