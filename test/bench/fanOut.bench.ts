import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Client } from "graphql-ws";
import { messageIdFor, replyIdFor } from "../../src/application/conversations/messageIds.ts";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { loadConfig } from "../../src/config/config.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { startWithme } from "../../src/main.ts";
import { zoneWhereItIs } from "../support/timeZones.ts";
import { bareTarget, createAgentOver, mutate, startBareServer, wsClient } from "./bareGraphqlWs.ts";
import { cpuProfiled } from "./cpuProfile.ts";
import { Deliveries, median, percentileByRound, watchReplyDeltas } from "./fanOutDeliveries.ts";
import { serverHeapPerIdleSubscription } from "./idleSubscriptions.ts";
import { SendSteps } from "./sendSteps.ts";
import { countServerSocketWrites } from "./socketWriteCount.ts";
import { heapUsed, percentile, report } from "./support.ts";

/** 100 conversations with 8 subscribers each (tabs, devices) and one with 200. */
const SMALL = 100;
const PER_SMALL = 8;
const PER_LARGE = 200;
const CONVERSATIONS = SMALL + 1;
/** Measured rounds, after one that warms both servers up; odd, so the rounds have a middle one. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SENDING_AT_ONCE = 10;
/** Connections opened before waiting for the last one: a thousand at once overflow the listen backlog. */
const CONNECTING_AT_ONCE = 50;
const conversationOf = (k: number) => (k < SMALL * PER_SMALL ? Math.floor(k / PER_SMALL) : SMALL);
const SUBSCRIBERS = SMALL * PER_SMALL + PER_LARGE;
/** The first subscriber of each conversation, whose connection also sends. */
const firstOf = (c: number) => (c < SMALL ? c * PER_SMALL : SMALL * PER_SMALL);

const AGENT = {
  name: "Bench",
  persona: { summary: "A calm night-owl radio host.", traits: ["calm"], speakingStyle: "short" },
  identity: { homeCity: "Lisbon", occupation: "radio host", timezone: zoneWhereItIs(12) },
  appearancePrompt: "short grey hair",
};

const SUBSCRIPTION = `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename ... on ReplyDelta { replyId } ... on ReplyCompleted { replyId } } }`;

const subscribersOf = (c: number) =>
  Array.from({ length: SUBSCRIBERS }, (_, k) => k).filter((k) => conversationOf(k) === c);

async function rounds(send: (c: number, round: number) => Promise<void>, count = ROUNDS): Promise<void> {
  for (let round = 0; round < count; round++) {
    for (let c = 0; c < CONVERSATIONS; c += SENDING_AT_ONCE) {
      const batch = Array.from({ length: Math.min(SENDING_AT_ONCE, CONVERSATIONS - c) }, (_, i) => c + i);
      await Promise.all(batch.map((conversation) => send(conversation, round)));
    }
  }
}

const connected = (client: Client) =>
  new Promise<void>((resolve) => {
    const stop = client.on("connected", () => {
      stop();
      resolve();
    });
  });

const timeout = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Measured {
  deliveries: Deliveries;
  samples: number[];
  /** First delta (or echo) handed to the bus → received, per subscriber. */
  fromPublish: number[];
  /** Sent → first delta (or echo) handed to the bus, per message. */
  toPublish: number[];
  /** Sent → the message stored, per message (withme alone stores it). */
  toStored: number[];
  /** The message stored → its reply's first delta handed to the bus, per message. */
  storedToPublish: number[];
  /** How `toStored` splits, and the SQL queries per message (withme alone). */
  steps: SendSteps | null;
  bytesPerSubscription: number;
  /** What the server alone keeps per idle subscription, its clients on another thread. */
  serverBytesPerIdleSubscription: number;
  /** Process CPU time (server and clients) over the measured rounds, per delivery. */
  cpuMsPerDelivery: number;
  /** Subscription messages each subscriber received per reply (or echo) in the measured rounds. */
  messagesPerReply: number;
  /** Server socket writes (system calls asked for), and bytes, per subscriber per reply (or echo). */
  writesPerReply: number;
  /** Of those, keep-alive pings, which come every 12 s whatever is sent. */
  pingsPerReply: number;
  bytesPerReply: number;
}

/** CPU time is what the fan-out costs whatever else the machine runs; latency is not. */
function cpuSince(start: NodeJS.CpuUsage, deliveries: number): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / Math.max(1, deliveries);
}

async function measureBare(): Promise<Measured> {
  const before = heapUsed();
  const bare = await bareTarget(SUBSCRIBERS, (k) => `c${conversationOf(k)}`);
  const deliveries = new Deliveries();
  watchReplyDeltas(bare.bus, (_who, text) => deliveries.published(text));
  for (let k = 0; k < SUBSCRIBERS; k++) bare.subscribe(k, (_kind, text) => deliveries.arrived(text, k));
  await timeout(1_000);
  const send = async (c: number, text: string, round: number) => {
    const arrived = deliveries.expect(text, subscribersOf(c), round);
    await bare.send(firstOf(c), text);
    await Promise.race([arrived, timeout(30_000)]);
  };
  // Not measured, like withme's first message in each conversation: the same warm-up for both.
  await rounds((c) => send(c, `b${c}-hello`, -1), 1);
  deliveries.clear();
  const cpu = process.cpuUsage();
  const writes = countServerSocketWrites();
  await rounds((c, round) => send(c, `b${c}-${round}`, round));
  const cpuMsPerDelivery = cpuSince(cpu, deliveries.samples.length);
  const written = writes();
  const bytesPerSubscription = (heapUsed() - before) / SUBSCRIBERS;
  await bare.close();
  const messagesPerReply = 1;
  const idle = await startBareServer();
  const serverBytesPerIdleSubscription = await serverHeapPerIdleSubscription(
    idle.url,
    Array.from({ length: SUBSCRIBERS }, (_, k) => ({
      query: `subscription($topic: String!) { echo(topic: $topic) { kind text } }`,
      variables: { topic: `c${conversationOf(k)}` },
    })),
    idle.open,
  );
  await idle.close();
  return {
    deliveries,
    samples: deliveries.samples,
    fromPublish: deliveries.fromPublish,
    toPublish: deliveries.toPublish,
    toStored: [],
    storedToPublish: [],
    steps: null,
    bytesPerSubscription,
    serverBytesPerIdleSubscription,
    cpuMsPerDelivery,
    messagesPerReply,
    writesPerReply: written.writes / Math.max(1, deliveries.samples.length),
    pingsPerReply: written.pings / Math.max(1, deliveries.samples.length),
    bytesPerReply: written.bytes / Math.max(1, deliveries.samples.length),
  };
}

async function measureWithme(): Promise<Measured> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "withme-bench-fanout-"));
  await chmod(dataDir, 0o755);
  const system = await startWithme(
    loadConfig(
      {
        WITHME_DATA_DIR: dataDir,
        PORT: "0",
        HOST: "127.0.0.1",
        WITHME_LOG_LEVEL: "silent",
        WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
        WITHME_MUTATION_RATE_LIMIT: "100000",
        WITHME_WS_MAX_CONNECTIONS_PER_PERSON: String(SUBSCRIBERS),
      },
      { envFile: false },
    ),
    undefined,
    // 200 open subscriptions and connections of one person (one conversation's watchers) are over the default caps.
    { api: { subscriptionCaps: { perConnection: 25, perPerson: PER_LARGE } } },
  );
  const url = `${system.api!.url.replace("http", "ws")}/graphql`;
  const admin = wsClient(url, "dev");
  const clients: Client[] = [];
  try {
    const agentId = await createAgentOver(admin, AGENT);
    const subject = (c: number) => `dev:fan${c}`;
    const deliveries = new Deliveries();
    const completed = new Deliveries();
    const toStored: number[] = [];
    const storedToPublish: number[] = [];
    const storing = new Map<string, number>();
    const storedAt = new Map<string, number>();
    watchReplyDeltas(system.bus, (replyId) => {
      const stored = storedAt.get(replyId);
      if (stored !== undefined) storedToPublish.push(performance.now() - stored);
      storedAt.delete(replyId);
      deliveries.published(replyId);
    });
    system.commands.onAppended((streamId, events) => {
      const started = storing.get(streamId);
      const sent = events.find((e) => e.type === "UserMessageSent");
      if (started === undefined || !sent) return;
      storing.delete(streamId);
      toStored.push(performance.now() - started);
      storedAt.set(replyIdFor((sent.data as { messageId: string }).messageId, 1), performance.now());
    });
    const steps = new SendSteps(system.commands, system.events);
    let messages = 0;
    const send = async (c: number, clientMessageId: string, round: number) => {
      const userId = userIdFor({ provider: "dev", subject: subject(c) });
      const replyId = replyIdFor(messageIdFor(userId, agentId, clientMessageId), 1);
      storing.set(conversationStreamId(userId, agentId), performance.now());
      steps.sent(conversationStreamId(userId, agentId));
      const delivered = deliveries.expect(replyId, subscribersOf(c), round);
      const done = completed.expect(replyId, [firstOf(c)]);
      await mutate(
        clients[firstOf(c)]!,
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
        { input: { agentId, text: `Anyone there? (${clientMessageId})`, clientMessageId } },
      );
      await Promise.race([Promise.all([delivered, done]), timeout(30_000)]);
    };
    const before = heapUsed();
    for (let k = 0; k < SUBSCRIBERS; k++) {
      const client = wsClient(url, subject(conversationOf(k)));
      clients.push(client);
      if (k % CONNECTING_AT_ONCE === CONNECTING_AT_ONCE - 1) await connected(client);
      client.subscribe(
        {
          query: SUBSCRIPTION,
          variables: { agentId },
        },
        {
          next: (r) => {
            messages++;
            const event = (r.data as { conversationEvents: { __typename: string; replyId?: string } })
              .conversationEvents;
            if (!event.replyId) return;
            if (event.__typename === "ReplyDelta") deliveries.arrived(event.replyId, k);
            if (event.__typename === "ReplyCompleted") completed.arrived(event.replyId, k);
          },
          error: () => {},
          complete: () => {},
        },
      );
    }
    await timeout(1_000);
    // A first message in each conversation registers its person and starts it; not measured.
    await rounds((c) => send(c, "hello", -1), 1);
    deliveries.clear();
    toStored.length = 0;
    storedToPublish.length = 0;
    steps.restart();
    const cpu = process.cpuUsage();
    const messagesBefore = messages;
    const writes = countServerSocketWrites();
    await cpuProfiled("fanOut", () => rounds((c, round) => send(c, `round-${round}`, round)));
    const cpuMsPerDelivery = cpuSince(cpu, deliveries.samples.length);
    const messagesPerReply = (messages - messagesBefore) / Math.max(1, deliveries.samples.length);
    steps.stopCounting();
    const written = writes();
    const bytesPerSubscription = (heapUsed() - before) / SUBSCRIBERS;
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    // Measured once the conversations have their history and the server has served them.
    const people = Array.from({ length: CONVERSATIONS }, (_, c) =>
      userIdFor({ provider: "dev", subject: subject(c) }),
    );
    const serverBytesPerIdleSubscription = await serverHeapPerIdleSubscription(
      url,
      Array.from({ length: SUBSCRIBERS }, (_, k) => ({
        token: subject(conversationOf(k)),
        query: SUBSCRIPTION,
        variables: { agentId },
      })),
      () => people.reduce((open, person) => open + system.api!.openSubscriptionsOf(person), 0),
    );
    return {
      deliveries,
      samples: deliveries.samples,
      fromPublish: deliveries.fromPublish,
      toPublish: deliveries.toPublish,
      toStored,
      storedToPublish,
      steps,
      bytesPerSubscription,
      serverBytesPerIdleSubscription,
      cpuMsPerDelivery,
      messagesPerReply,
      writesPerReply: written.writes / Math.max(1, deliveries.samples.length),
      pingsPerReply: written.pings / Math.max(1, deliveries.samples.length),
      bytesPerReply: written.bytes / Math.max(1, deliveries.samples.length),
    };
  } finally {
    await Promise.all([admin, ...clients].map((c) => c.dispose()));
    await system.lifecycle.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Reply deltas reaching 1,000 graphql-ws subscribers on one process, against a bare echo server. */
export default async function fanOutBench(): Promise<void> {
  const bare = await measureBare();
  const withme = await measureWithme();
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const expected = ROUNDS * SUBSCRIBERS;
  const byRound = (m: Measured) => percentileByRound(m.samples, m.deliveries.sampleRounds, 99);
  const deliveryByRound = (m: Measured) =>
    percentileByRound(m.fromPublish, m.deliveries.fromPublishRounds, 99);
  const [withmeRounds, bareRounds] = [byRound(withme), byRound(bare)];
  const [withmeDelivery, bareDelivery] = [deliveryByRound(withme), deliveryByRound(bare)];
  const rounds = (values: number[]) =>
    `${ms(median(values))} (rounds ${values.map((v) => v.toFixed(1)).join(", ")})`;
  report(
    `fan-out: ${SUBSCRIBERS} subscribers (${SMALL} conversations × ${PER_SMALL} + ${PER_LARGE} on one), ${SENDING_AT_ONCE} conversations sending at once, offline engine`,
    [
      {
        name: `deltas delivered`,
        value: `${withme.samples.length} of ${expected}`,
        baseline: `${bare.samples.length} echoes of ${expected}`,
      },
      ...[50, 99].map((p) => ({
        name: `send to first delta published p${p}`,
        value: ms(percentile(withme.toPublish, p)),
        baseline: `${ms(percentile(bare.toPublish, p))} bare graphql-ws mutation → echo published`,
        ratio: percentile(withme.toPublish, p) / percentile(bare.toPublish, p),
      })),
      ...[50, 99].map((p) => ({
        name: `of which send to message stored p${p}`,
        value: ms(percentile(withme.toStored, p)),
        baseline: "a bare echo stores nothing",
      })),
      ...withme.steps!.lines(),
      ...[50, 99].map((p) => ({
        name: `and message stored to first delta p${p}`,
        value: ms(percentile(withme.storedToPublish, p)),
        baseline: "the reply's reads, its place among replies, its first words",
      })),
      ...[50, 99].map((p) => ({
        name: `first delta published → received p${p}`,
        value: ms(percentile(withme.fromPublish, p)),
        baseline: `${ms(percentile(bare.fromPublish, p))} bare graphql-ws echo published → received`,
        ratio: percentile(withme.fromPublish, p) / percentile(bare.fromPublish, p),
      })),
      ...[50, 99].map((p) => ({
        name: `send to first delta, each subscriber p${p}`,
        value: ms(percentile(withme.samples, p)),
        baseline: `${ms(percentile(bare.samples, p))} bare graphql-ws mutation → echo`,
        ratio: percentile(withme.samples, p) / percentile(bare.samples, p),
      })),
      {
        name: `delta delivery p99, median of ${ROUNDS} rounds`,
        value: rounds(withmeDelivery),
        baseline: `${rounds(bareDelivery)} bare graphql-ws echo published → each subscriber`,
        ratio: median(withmeDelivery) / median(bareDelivery),
        target: "≤ 100 ms and ≤ 2×",
      },
      {
        name: `whole turn p99, median of ${ROUNDS} rounds`,
        value: rounds(withmeRounds),
        baseline: `${rounds(bareRounds)} bare graphql-ws mutation → echo, which stores and composes nothing`,
        ratio: median(withmeRounds) / median(bareRounds),
      },
      {
        name: "CPU per subscriber per message",
        value: `${withme.cpuMsPerDelivery.toFixed(2)} ms (a whole reply)`,
        baseline: `${bare.cpuMsPerDelivery.toFixed(2)} ms bare graphql-ws echo`,
        ratio: withme.cpuMsPerDelivery / bare.cpuMsPerDelivery,
      },
      {
        name: "messages per subscriber per reply",
        value: withme.messagesPerReply.toFixed(1),
        baseline: `${bare.messagesPerReply} bare graphql-ws echo`,
      },
      {
        name: "server socket writes per subscriber per reply",
        value: `${withme.writesPerReply.toFixed(2)} (${withme.pingsPerReply.toFixed(2)} keep-alive pings)`,
        baseline: `${bare.writesPerReply.toFixed(2)} (${bare.pingsPerReply.toFixed(2)} pings) bare graphql-ws echo`,
      },
      {
        name: "server bytes per subscriber per reply",
        value: withme.bytesPerReply.toFixed(0),
        baseline: `${bare.bytesPerReply.toFixed(0)} bare graphql-ws echo`,
      },
      {
        name: "heap per subscription (server and client)",
        value: kb(withme.bytesPerSubscription),
        baseline: `${kb(bare.bytesPerSubscription)} bare graphql-ws`,
        ratio: withme.bytesPerSubscription / bare.bytesPerSubscription,
      },
      {
        name: "heap per idle subscription (server alone)",
        value: kb(withme.serverBytesPerIdleSubscription),
        baseline: `${kb(bare.serverBytesPerIdleSubscription)} bare graphql-ws server`,
        ratio: withme.serverBytesPerIdleSubscription / bare.serverBytesPerIdleSubscription,
        target: "≤ 20 KB",
      },
    ],
  );
}
