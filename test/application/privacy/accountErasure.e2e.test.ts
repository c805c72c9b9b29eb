import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationAt } from "../../../src/application/timeTravel.ts";
import { userIdFor } from "../../../src/application/users/registerUser.ts";
import { conversationStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { type System, startWithme } from "../../../src/main.ts";
import {
  agentInput,
  CREATE_AGENT,
  codesOf,
  gql,
  testServerConfig,
  wsClient,
} from "../../graphql/apiHarness.ts";
import { eventually } from "../../support/coreHarness.ts";
import { SkippingClock } from "../../support/skippingClock.ts";
import { createTestDatabase, type TestDatabase } from "../../support/testDatabase.ts";

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`;
const ME = "{ me { id displayName } }";
const PENDING = "{ myAccountDeletion { dueAt } }";
const DELETE = "mutation { deleteMyAccount { dueAt } }";
const CANCEL = "mutation { cancelAccountDeletion }";
const LIVE = "subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename } }";
const ERASE = "mutation($userId: ID!) { erasePerson(userId: $userId) }";
const CONVERSATION =
  "query($agentId: ID!) { conversation(agentId: $agentId) { messages(last: 10) { edges { cursor } } } }";

const GRACE_SECONDS = 3600;

const idOf = (token: string) =>
  userIdFor({ provider: "dev", subject: token.slice(0, 3) === "dev" ? token : "" });

describe("deleting an account and erasing a person", () => {
  let database: TestDatabase;
  let dataDir: string;
  let system: System;
  let url: string;
  let agentId: string;
  const clock = new SkippingClock();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-erasure-"));
    const config = testServerConfig(database.url, dataDir, {
      WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
      // Nothing falls due by itself while a test runs: a test skips the grace on the clock.
      WITHME_ACCOUNT_DELETION_GRACE_SECONDS: String(GRACE_SECONDS),
    });
    system = await startWithme(config, ["api", "projector", "worker"], { clock, erasureSweepMs: 1000 });
    url = system.api!.url;
    const created = await gql(url, CREATE_AGENT, { input: agentInput("Ines") }, "dev");
    agentId = created.data!.createAgent.agentId as string;
  }, 60_000);

  afterAll(async () => {
    await system?.lifecycle.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** A person who said something unique and got a reply; returns the secret. */
  async function chat(token: string): Promise<string> {
    const secret = `secret-${randomUUID()}`;
    const sent = await gql(
      url,
      SEND,
      { input: { agentId, text: `My locker code is ${secret}.`, clientMessageId: randomUUID() } },
      token,
    );
    expect(sent.errors).toBeUndefined();
    const streamId = conversationStreamId(idOf(token), agentId);
    await eventually(async () =>
      (await system.eventStore.readStream(streamId)).some((e) => e.type === "AgentReplyCompleted"),
    );
    return secret;
  }

  async function storedText(): Promise<string> {
    const { rows } = await system.database.pool.query<{ data: string }>(
      "select data::text as data from es_events",
    );
    return rows.map((r) => r.data).join("\n");
  }

  async function readModelRows(userId: string): Promise<number> {
    const { rows } = await system.database.pool.query<{ n: number }>(
      `select (select count(*) from rm.users where id = $1)
            + (select count(*) from rm.conversations where user_id = $1)
            + (select count(*) from rm.messages where stream_id like $2)
            + (select count(*) from rm.message_streams where user_id = $1)::int as n`,
      [userId, `conversation-${userId}-%`],
    );
    return Number(rows[0]!.n);
  }

  it("stores what people write encrypted and shows it to them in plaintext", async () => {
    const secret = await chat("dev:ada");
    expect(await storedText()).not.toContain(secret);
    const stream = await system.eventStore.readStream(conversationStreamId(idOf("dev:ada"), agentId));
    expect(JSON.stringify(stream.map((e) => e.data))).toContain(secret);
  }, 60_000);

  it("schedules a deletion, shows it, and cancels it", async () => {
    const token = "dev:bo";
    await gql(url, ME, {}, token);
    expect((await gql(url, PENDING, {}, token)).data?.myAccountDeletion).toBeNull();
    expect(await gql(url, CANCEL, {}, token)).toEqual({ status: 200, data: { cancelAccountDeletion: true } });
    const deleted = await gql(url, DELETE, {}, token);
    const dueAt = deleted.data?.deleteMyAccount.dueAt as string;
    expect(Date.parse(dueAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await gql(url, PENDING, {}, token)).data?.myAccountDeletion.dueAt).toBe(dueAt);
    expect(await gql(url, DELETE, {}, token)).toEqual({ status: 200, data: { deleteMyAccount: { dueAt } } });
    expect((await gql(url, PENDING, {}, token)).data?.myAccountDeletion.dueAt).toBe(dueAt);
    expect((await gql(url, CANCEL, {}, token)).data?.cancelAccountDeletion).toBe(true);
    expect(await gql(url, CANCEL, {}, token)).toEqual({ status: 200, data: { cancelAccountDeletion: true } });
    expect((await gql(url, PENDING, {}, token)).data?.myAccountDeletion).toBeNull();
    expect(codesOf(await gql(url, PENDING, {}, null))).toEqual(["UNAUTHENTICATED"]);
  }, 60_000);

  it("erases a person when their deletion falls due, and keeps everyone else", async () => {
    const [erin, olaf] = ["dev:erin", "dev:olaf"];
    const erinSecret = await chat(erin);
    const olafSecret = await chat(olaf);
    const erinId = idOf(erin);
    await eventually(async () => (await readModelRows(erinId)) >= 4);
    expect((await gql(url, DELETE, {}, erin)).errors).toBeUndefined();
    clock.skip(GRACE_SECONDS * 1000);

    await eventually(async () => (await gql(url, ME, {}, erin)).data?.me.id !== erinId, 60_000);
    await eventually(async () => (await readModelRows(erinId)) === 0, 60_000);
    expect(await readModelRows(idOf(olaf))).toBeGreaterThanOrEqual(4);

    const erinStream = await system.eventStore.readStream(conversationStreamId(erinId, agentId));
    expect(erinStream.filter((e) => e.type === "UserMessageSent")).toMatchObject([
      { data: { text: "[erased]" } },
    ]);
    const userEvents = await system.eventStore.readStream(userStreamId(erinId));
    expect(userEvents.at(-1)).toMatchObject({
      type: "PersonErased",
      data: { userId: erinId, by: "request" },
    });

    const admin = await gql(
      url,
      `query($streamId: String!) { stream(streamId: $streamId) { type data } }`,
      { streamId: conversationStreamId(erinId, agentId) },
      "dev",
    );
    expect(JSON.stringify(admin.data?.stream)).toContain("[erased]");
    const then = await conversationAt({ events: system.events }, { userId: erinId, agentId, at: new Date() });
    expect(then.path.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(then.path)).toContain("[erased]");
    expect(JSON.stringify(then.path)).not.toContain(erinSecret);
    const olafStream = await system.eventStore.readStream(conversationStreamId(idOf(olaf), agentId));
    expect(JSON.stringify(olafStream.map((e) => e.data))).toContain(olafSecret);
    expect(JSON.stringify(admin.data?.stream)).not.toContain(erinSecret);
  }, 120_000);

  it("lets an admin erase a person at once, and only an admin", async () => {
    const token = "dev:uma";
    await chat(token);
    const userId = idOf(token);
    let closedWith: number | null = null;
    const socket = wsClient(`${url.replace("http", "ws")}/graphql`, token, (code) => {
      closedWith = code;
    });
    const sink = { next: () => {}, error: () => {}, complete: () => {} };
    socket.subscribe({ query: LIVE, variables: { agentId } }, sink);
    await eventually(async () => system.api!.openSubscriptionsOf(userId) >= 1);
    expect(codesOf(await gql(url, ERASE, { userId }, token))).toEqual(["FORBIDDEN"]);
    expect((await gql(url, ERASE, { userId }, "dev")).data?.erasePerson).toBe(true);
    expect((await gql(url, ERASE, { userId }, "dev")).data?.erasePerson).toBe(false);
    expect(codesOf(await gql(url, ERASE, { userId: randomUUID() }, "dev"))).toEqual(["NOT_FOUND"]);
    // The same sign-in now starts a new account that holds nothing of the erased one.
    const fresh = await gql(url, ME, {}, token);
    expect(fresh.data?.me.id).not.toBe(userId);
    const conversation = await gql(url, CONVERSATION, { agentId }, token);
    expect(conversation.data?.conversation.messages.edges).toEqual([]);
    // The erasure notice closes the person's open connection at once.
    await eventually(async () => closedWith === 4403);
    await eventually(async () => system.api!.openSubscriptionsOf(userId) === 0);
    await socket.dispose();
    await eventually(async () => (await readModelRows(userId)) === 0, 60_000);
  }, 60_000);
});
