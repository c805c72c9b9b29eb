import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { createAgent, gql, type Loose } from "../graphql/apiHarness.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";
import { type ConversationWatch, testBus, untilListening, watchConversation } from "./conversationWatch.ts";
import { exitWithin, killAll, type RoleProcess, startRole } from "./roleProcesses.ts";

// The children run src/main.ts with this process's Node, which must strip types (Node 24).
if (Number(process.versions.node.split(".")[0]) < 24)
  throw new Error(`run the tests through npm or npx (Node 24); this is Node ${process.version}`);

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`;
const STREAM = `query($id: String!) { stream(streamId: $id, limit: 1000) { type data } }`;
const person = "dev:alice";
// A worker writes a reply slowly enough that it is still writing when the test, on a loaded machine,
// has seen the reply's start come through an API process and stops the worker.
const workerEnv = { WITHME_OFFLINE_TOKEN_DELAY_MS: "150" };
const isReply = (type: string, replyId: string) => (event: Loose) =>
  event.__typename === type && event.replyId === replyId;
const isFinished = (replyId: string) => (event: Loose) =>
  isReply("ReplyCompleted", replyId)(event) || isReply("ReplyFailed", replyId)(event);

/**
 * Two APIs, a projector and a worker against one database, each its own `withme <role>` process.
 * The steps build on each other, so after a failure the rest are skipped and every process killed.
 */
export function rolesApart(redis: string | undefined): void {
  const processes: RoleProcess[] = [];
  let failed = false;
  let database: TestDatabase;
  let dataDir: string;
  let env: Record<string, string>;
  let api1: RoleProcess;
  let api2: RoleProcess;
  let projector: RoleProcess;
  let worker: RoleProcess;
  let agentId: string;
  let streamId: string;
  let watch: ConversationWatch;
  let bus: ReturnType<typeof testBus>;
  let sent = 0;

  const start = async (name: string, role: "api" | "projector" | "worker") => {
    const started = await startRole(name, role, role === "worker" ? { ...env, ...workerEnv } : env, dataDir);
    processes.push(started);
    return started;
  };
  const send = async (text: string): Promise<string> => {
    const input = { agentId, text, clientMessageId: `m-${++sent}` };
    const response = await gql(api2.url, SEND, { input }, person);
    expect(response.errors).toBeUndefined();
    return response.data!.sendMessage.replyId as string;
  };
  /** What the conversation stream holds for one reply, read through the admin API. */
  const stored = async (replyId: string) => {
    const response = await gql(api2.url, STREAM, { id: streamId }, "dev");
    expect(response.errors).toBeUndefined();
    const types = (response.data!.stream as Loose[])
      .filter((event) => event.data.replyId === replyId)
      .map((event) => event.type as string);
    const count = (type: string) => types.filter((t) => t === type).length;
    return {
      started: count("AgentReplyStarted"),
      finished: count("AgentReplyCompleted") + count("AgentReplyFailed"),
    };
  };
  const deltasOf = (replyId: string) => watch.events.filter(isReply("ReplyDelta", replyId));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), "withme-roles-"));
    env = {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: "4",
      WITHME_DATA_DIR: dataDir,
      ...(redis ? { REDIS_URL: redis } : {}),
    };
    bus = testBus(database.url, redis);
    [api1, api2, projector, worker] = await Promise.all([
      start("api-1", "api"),
      start("api-2", "api"),
      start("projector", "projector"),
      start("worker-1", "worker"),
    ]);
  });

  beforeEach((context) => {
    if (failed) context.skip();
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== "fail") return;
    failed = true;
    for (const proc of processes) console.error(proc.tail());
    await killAll(processes);
  });

  afterAll(async () => {
    await watch?.dispose().catch(() => {});
    await killAll(processes);
    await bus?.end();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("answers /health and /ready on the projector and the worker", async () => {
    for (const proc of [projector, worker]) {
      for (const route of ["/health", "/ready"]) {
        const response = await fetch(`${proc.healthUrl}${route}`);
        expect(response.status, `${proc.name} ${route}`).toBe(200);
      }
    }
  });

  it("streams a reply to a message sent through one API to a subscriber on the other", async () => {
    agentId = await createAgent(api2.url, "Ines");
    const me = await gql(api1.url, "{ me { id } }", {}, person);
    const userId = me.data!.me.id as string;
    streamId = conversationStreamId(userId, agentId);
    watch = watchConversation(`${api1.url.replace("http", "ws")}/graphql`, person, agentId);
    await untilListening(bus, watch, { userId, agentId });

    const replyId = await send("Hi! How was the sea this morning?");
    const completed = await watch.waitFor(isReply("ReplyCompleted", replyId));
    const deltas = deltasOf(replyId);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((delta) => delta.index)).toEqual(deltas.map((_, index) => index));
    expect(deltas.map((delta) => delta.text).join("")).toBe(completed.message.text);
  });

  it("finishes a reply exactly once when its worker is killed halfway and a standby takes over", async () => {
    const standby = await start("worker-2", "worker");
    expect((await fetch(`${standby.healthUrl}/ready`)).status, "a standby is ready").toBe(200);
    const replyId = await send("Tell me about the café today.");
    // Its start is stored and it is being written: the first words may not be shown for a while,
    // as a reply goes out a whole sentence at a time.
    await watch.waitFor(isReply("ReplyStarted", replyId));
    worker.child.kill("SIGKILL");
    await worker.exited;
    expect(await stored(replyId)).toEqual({ started: 1, finished: 0 });

    worker = standby;
    await watch.waitFor(isFinished(replyId));
    expect(await stored(replyId)).toEqual({ started: 1, finished: 1 });
    await worker.waitForLog((line) => line.reactor === "reply" && line.msg === "reactor lease acquired");
  });

  it("lets a stopping worker finish the reply it is writing before it exits", async () => {
    const replyId = await send("What are you reading these days?");
    await watch.waitFor(isReply("ReplyStarted", replyId));
    worker.child.kill("SIGTERM");
    const streamedBefore = deltasOf(replyId).length;
    expect(await exitWithin(worker, 20_000)).toEqual({ code: 0, signal: null });
    // No other worker runs now: what is stored was written by the one that stopped.
    expect(await stored(replyId)).toEqual({ started: 1, finished: 1 });
    await watch.waitFor(isReply("ReplyCompleted", replyId));
    expect(deltasOf(replyId).length, "it went on streaming after the signal").toBeGreaterThan(streamedBefore);
  });

  it("closes subscriptions with a reconnect hint and exits when an API process is stopped", async () => {
    api1.child.kill("SIGTERM");
    expect(await watch.closed).toBe(1012);
    expect(await exitWithin(api1, 10_000)).toEqual({ code: 0, signal: null });
  });

  it("stops the projector and an idle API cleanly when asked", async () => {
    for (const proc of [projector, api2]) {
      proc.child.kill("SIGTERM");
      expect(await exitWithin(proc, 10_000), proc.name).toEqual({ code: 0, signal: null });
    }
  });
}
