import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Client } from "graphql-ws";
import { messageIdFor, replyIdFor } from "../../src/application/conversations/messageIds.ts";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { loadConfig } from "../../src/config/config.ts";
import { startWithme } from "../../src/main.ts";
import { zoneWhereItIs } from "../support/timeZones.ts";
import { bareTarget, createAgentOver, mutate, wsClient } from "./bareGraphqlWs.ts";
import { cpuProfiled } from "./cpuProfile.ts";
import { watchReplyDeltas } from "./fanOutDeliveries.ts";
import { type LoopHealth, loopHealthLines, watchLoopHealth } from "./loopHealth.ts";
import { countQueries } from "./queryCount.ts";
import { roundMedians, roundsTogether } from "./replyRounds.ts";
import { percentile, report } from "./support.ts";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);

const AGENT = {
  name: "Bench",
  persona: { summary: "A calm night-owl radio host.", traits: ["calm"], speakingStyle: "short" },
  // Midday where the agents live: each reply still asks whether it has to wait for the morning.
  identity: { homeCity: "Lisbon", occupation: "radio host", timezone: zoneWhereItIs(12) },
  appearancePrompt: "short grey hair",
};

/** A person pausing between messages: `think` is the longest pause; 0 sends the next at once. */
type Load = { name: string; thinkMs: number; targets: { p50: string; p99?: string } };
const ALL_LOADS: Load[] = [
  {
    name: "steady: each person waits 1–3 s between messages",
    thinkMs: 3_000,
    targets: { p50: "p50 ≤ 15 ms", p99: "p99 ≤ 60 ms" },
  },
  {
    name: "burst: every person sends the next message at once",
    thinkMs: 0,
    targets: { p50: "p50 ≤ 100 ms" },
  },
];
/** `BENCH_LOADS=burst` runs only the loads whose names contain one of the given words. */
const LOADS = ALL_LOADS.filter(
  (load) => !process.env.BENCH_LOADS || process.env.BENCH_LOADS.split(",").some((w) => load.name.includes(w)),
);

function pause(load: Load, i: number, round: number): Promise<void> {
  if (load.thinkMs === 0) return Promise.resolve();
  const spread = ((i * 7919 + round * 104729) % 1000) / 1000;
  return new Promise((resolve) => setTimeout(resolve, 1_000 + spread * (load.thinkMs - 1_000)));
}

/** Time from sending a message to the first piece of the reply on the subscription, per load. */
interface Measured {
  samples: number[];
  /** The samples of each round, by round: in a burst, each round is one burst of every conversation. */
  byRound: number[][];
  /** Main-thread CPU spent between each send and its first delta: the work done ahead of it. */
  cpuAhead: number[];
  cpuMs: number;
  /** Main-thread CPU over the load: the server's event loop and the benchmark's clients beside it. */
  threadMs: number;
  /** Sent → sendMessage answered (the message stored), per reply. */
  toStored: number[];
  /** sendMessage answered → first delta handed to the bus: the turn's own work. */
  storedToPublished: number[];
  /** First delta handed to the bus → received. */
  publishedToReceived: number[];
  /** Replies still waiting for their first delta when each message was sent, that one left out. */
  awaitingAtSend: number[];
  /** Database queries the process sent over the load. */
  queries: number;
  health: LoopHealth;
}

const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

async function measureWithme(): Promise<Map<string, Measured>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "withme-bench-reply-"));
  await chmod(dataDir, 0o755);
  const system = await startWithme(
    loadConfig(
      {
        WITHME_DATA_DIR: dataDir,
        PORT: "0",
        HOST: "127.0.0.1",
        WITHME_LOG_LEVEL: "silent",
        WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
        WITHME_MUTATION_RATE_LIMIT: "1000",
      },
      { envFile: false },
    ),
  );
  const url = `${system.api!.url.replace("http", "ws")}/graphql`;
  const clients: Client[] = [];
  try {
    const admin = wsClient(url, "dev");
    clients.push(admin);
    const agentId = await createAgentOver(admin, AGENT);
    const waits = new Map<string, { first: (at: number) => void; done: () => void }>();
    const publishedAt = new Map<string, number>();
    watchReplyDeltas(system.bus, (replyId) => {
      if (!publishedAt.has(replyId)) publishedAt.set(replyId, performance.now());
    });
    for (let i = 0; i < CONVERSATIONS; i++) {
      const client = wsClient(url, `dev:reply${i}`);
      clients.push(client);
      client.subscribe(
        {
          query: `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename ... on ReplyDelta { replyId } ... on ReplyCompleted { replyId } ... on ReplyFailed { replyId } } }`,
          variables: { agentId },
        },
        {
          next: (r) => {
            const event = (r.data as { conversationEvents: { __typename: string; replyId?: string } })
              .conversationEvents;
            const wait = event.replyId ? waits.get(event.replyId) : undefined;
            if (!wait) return;
            if (event.__typename === "ReplyDelta") wait.first(performance.now());
            else wait.done();
          },
          error: () => {},
          complete: () => {},
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // A first message registers its person, makes their data key and opens the conversation: not
    // measured, so each load times turns of conversations under way, whichever load runs first.
    const opening = async (i: number) => {
      const userId = userIdFor({ provider: "dev", subject: `dev:reply${i}` });
      const replyId = replyIdFor(messageIdFor(userId, agentId, "opening"), 1);
      const done = new Promise<void>((resolve) => waits.set(replyId, { first: () => {}, done: resolve }));
      await mutate(
        clients[i + 1]!,
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
        {
          input: { agentId, text: "Hello there.", clientMessageId: "opening" },
        },
      );
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      waits.delete(replyId);
    };
    for (let i = 0; i < CONVERSATIONS; i += 10)
      await Promise.all(Array.from({ length: Math.min(10, CONVERSATIONS - i) }, (_, k) => opening(i + k)));
    const results = new Map<string, Measured>();
    for (const load of LOADS) {
      const samples: number[] = [];
      const byRound: number[][] = Array.from({ length: ROUNDS }, () => []);
      const cpuAhead: number[] = [];
      const toStored: number[] = [];
      const storedToPublished: number[] = [];
      const publishedToReceived: number[] = [];
      const awaitingAtSend: number[] = [];
      let awaiting = 0;
      const watch = watchLoopHealth();
      const queries = countQueries();
      const cpuBefore = process.cpuUsage();
      const threadBefore = threadCpuMs();
      const together = roundsTogether(load.thinkMs === 0 ? CONVERSATIONS : 0);
      const converse = async (i: number) => {
        const userId = userIdFor({ provider: "dev", subject: `dev:reply${i}` });
        for (let round = 0; round < ROUNDS; round++) {
          await pause(load, i, round);
          await together(round);
          const clientMessageId = `${load.thinkMs}-${i}-${round}`;
          const replyId = replyIdFor(messageIdFor(userId, agentId, clientMessageId), 1);
          const started = performance.now();
          const cpuAtSend = threadCpuMs();
          let firstSeen = false;
          awaitingAtSend.push(awaiting++);
          const done = new Promise<void>((resolve) => {
            waits.set(replyId, {
              first: (at) => {
                if (firstSeen) return;
                firstSeen = true;
                awaiting--;
                samples.push(at - started);
                byRound[round]!.push(at - started);
                cpuAhead.push(threadCpuMs() - cpuAtSend);
                const published = publishedAt.get(replyId);
                if (published !== undefined) publishedToReceived.push(at - published);
              },
              done: resolve,
            });
          });
          await mutate(
            clients[i + 1]!,
            `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`,
            {
              input: { agentId, text: `How is the night going? (${round})`, clientMessageId },
            },
          );
          const stored = performance.now();
          toStored.push(stored - started);
          await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 15_000))]);
          if (!firstSeen) {
            firstSeen = true;
            awaiting--;
          }
          const published = publishedAt.get(replyId);
          // A first delta published before sendMessage answered counts as no wait after it.
          if (published !== undefined) storedToPublished.push(Math.max(0, published - stored));
          publishedAt.delete(replyId);
          waits.delete(replyId);
        }
      };
      await cpuProfiled(`replyLatency-${load.thinkMs === 0 ? "burst" : "steady"}`, () =>
        Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => converse(i))),
      );
      const cpu = process.cpuUsage(cpuBefore);
      const threadMs = threadCpuMs() - threadBefore;
      const health = watch.stop();
      results.set(load.name, {
        samples,
        byRound,
        cpuAhead,
        cpuMs: (cpu.user + cpu.system) / 1000,
        threadMs,
        toStored,
        storedToPublished,
        publishedToReceived,
        awaitingAtSend,
        queries: queries(),
        health,
      });
    }
    return results;
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await system.lifecycle.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The baseline: a bare graphql-ws server, from a mutation to its echo on the sender's subscription. */
async function measureBare(load: Load): Promise<number[]> {
  const bare = await bareTarget(CONVERSATIONS);
  const waiting = new Map<string, () => void>();
  for (let i = 0; i < CONVERSATIONS; i++) bare.subscribe(i, (_kind, text) => waiting.get(text)?.());
  await new Promise((resolve) => setTimeout(resolve, 500));
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: CONVERSATIONS }, async (_, i) => {
      for (let round = 0; round < ROUNDS; round++) {
        await pause(load, i, round);
        const text = `b${i}-${round}`;
        const started = performance.now();
        const arrived = new Promise<void>((resolve) => waiting.set(text, resolve));
        await bare.send(i, text);
        await arrived;
        samples.push(performance.now() - started);
      }
    }),
  );
  await bare.close();
  return samples;
}

export default async function replyLatencyBench(): Promise<void> {
  const baselines = new Map<string, number[]>();
  for (const load of LOADS) baselines.set(load.name, await measureBare(load));
  const withme = await measureWithme();
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  for (const load of LOADS) {
    const { name } = load;
    const measured = withme.get(name)!;
    const { samples, cpuAhead, cpuMs, threadMs, toStored, storedToPublished, publishedToReceived, health } =
      measured;
    const stage = (label: string, values: number[]) => ({
      name: label,
      value: `${ms(percentile(values, 50))} / ${ms(percentile(values, 99))}`,
    });
    const baseline = baselines.get(name)!;
    report(
      `reply latency, ${CONVERSATIONS} conversations (${name}): sendMessage to the first reply delta, offline engine with no typing delay, ${samples.length} replies`,
      [
        ...[50, 99].map((p) => ({
          name: `first delta p${p}`,
          value: ms(percentile(samples, p)),
          baseline: `${ms(percentile(baseline, p))} bare graphql-ws mutation → own event`,
          ratio: percentile(samples, p) / percentile(baseline, p),
          target: p === 50 ? load.targets.p50 : load.targets.p99,
        })),
        // One busy moment on a shared machine moves a round, not the median of them.
        {
          name: "first delta p50 of each round: median (range)",
          value: roundMedians(measured.byRound),
        },
        // Counted work rather than time, so other processes on the machine do not blur it.
        { name: "main-thread CPU ahead of a first delta p50", value: ms(percentile(cpuAhead, 50)) },
        { name: "CPU per reply, whole process", value: ms(cpuMs / samples.length) },
        { name: "CPU per reply, main thread", value: ms(threadMs / samples.length) },
        { name: "database queries per reply", value: (measured.queries / samples.length).toFixed(1) },
        stage("send → message stored p50 / p99", toStored),
        stage("stored → first delta published p50 / p99", storedToPublished),
        stage("published → received p50 / p99", publishedToReceived),
        {
          name: "replies awaiting first words at a send p50 / p99",
          value: `${percentile(measured.awaitingAtSend, 50)} / ${percentile(measured.awaitingAtSend, 99)}`,
        },
        ...loopHealthLines(health),
      ],
    );
  }
}
