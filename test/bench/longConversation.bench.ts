import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import type { Client } from "graphql-ws";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { messageIdFor, replyIdFor } from "../../src/application/conversations/messageIds.ts";
import { defaultEngineSettings } from "../../src/application/engine/engineDependencies.ts";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { stateSnapshots } from "../../src/composition/stateSnapshots.ts";
import { loadConfig } from "../../src/config/config.ts";
import { conversationDecider } from "../../src/domain/conversation/decider.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { type System, startWithme } from "../../src/main.ts";
import { seedConversation } from "../support/conversationSeed.ts";
import { eventually } from "../support/coreHarness.ts";
import { zoneWhereItIs } from "../support/timeZones.ts";
import { createAgentOver, wsClient } from "./bareGraphqlWs.ts";
import { cpuProfiled } from "./cpuProfile.ts";
import { percentile, report, timed } from "./support.ts";

const LONG_EVENTS = Number(process.env.BENCH_LONG_EVENTS ?? 20_000);
const SHORT_EVENTS = 20;
// With 30 turns a p99 was the slowest single turn; 120 make it the second slowest.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 120);

const AGENT = {
  name: "Bench",
  persona: { summary: "A calm night-owl radio host.", traits: ["calm"], speakingStyle: "short" },
  identity: { homeCity: "Lisbon", occupation: "radio host", timezone: zoneWhereItIs(12) },
  appearancePrompt: "short grey hair",
};

const SUBSCRIPTION = `subscription($agentId: ID!, $after: Int) {
  conversationEvents(agentId: $agentId, afterRevision: $after) {
    __typename ... on ReplyDelta { replyId } ... on ReplyCompleted { replyId } ... on MessageAdded { message { id } }
  } }`;

interface Samples {
  send: number[];
  firstDelta: number[];
  subscribe: number[];
  /** When each turn ran, for the per-sample log. */
  spans: { from: number; to: number; loopMaxMs: number; snapshot: string }[];
}

/** One person's conversation: its own connection and a subscription that reports reply deltas. */
class Person {
  readonly client: Client;
  readonly userId: string;
  readonly #waits = new Map<string, { first: (at: number) => void; done: () => void }>();

  constructor(url: string, subject: string) {
    this.client = wsClient(url, subject);
    this.userId = userIdFor({ provider: "dev", subject });
  }

  listen(agentId: string): void {
    this.client.subscribe(
      { query: SUBSCRIPTION, variables: { agentId } },
      {
        next: (r) => {
          const event = (r.data as { conversationEvents: { __typename: string; replyId?: string } })
            .conversationEvents;
          const wait = event.replyId ? this.#waits.get(event.replyId) : undefined;
          if (event.__typename === "ReplyDelta") wait?.first(performance.now());
          if (event.__typename === "ReplyCompleted") wait?.done();
        },
        error: () => {},
        complete: () => {},
      },
    );
  }

  /**
   * Sends a message; resolves with the mutation's and the first delta's latency once the reply is
   * done, and the message's revision.
   */
  async converse(
    agentId: string,
    clientMessageId: string,
  ): Promise<{ send: number; firstDelta: number; revision: number }> {
    const replyId = replyIdFor(messageIdFor(this.userId, agentId, clientMessageId), 1);
    const started = performance.now();
    let firstDelta = Number.NaN;
    const done = new Promise<void>((resolve) =>
      this.#waits.set(replyId, {
        first: (at) => {
          if (Number.isNaN(firstDelta)) firstDelta = at - started;
        },
        done: resolve,
      }),
    );
    const sent = await ask<{ sendMessage: { message: { cursor: string } } }>(
      this.client,
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { cursor } } }`,
      { input: { agentId, text: `Still up? (${clientMessageId})`, clientMessageId } },
    );
    const send = performance.now() - started;
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    this.#waits.delete(replyId);
    return { send, firstDelta, revision: Number(sent.sendMessage.message.cursor) };
  }

  /** A new subscription asking again from the last message sent: time until the server has sent it. */
  async subscribeAgain(agentId: string, after: number): Promise<number> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const stop = this.client.subscribe(
        { query: SUBSCRIPTION, variables: { agentId, after } },
        {
          next: () => {
            stop();
            resolve(performance.now() - started);
          },
          error: reject,
          complete: () => {},
        },
      );
    });
  }

  async revision(agentId: string): Promise<number> {
    const answer = await ask<{ conversation: { state: { revision: number } } }>(
      this.client,
      `query($agentId: ID!) { conversation(agentId: $agentId) { state { revision } } }`,
      { agentId },
    );
    return answer.conversation.state.revision;
  }
}

/** One query or mutation over the connection: its data. */
function ask<T>(client: Client, query: string, variables: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) =>
    client.subscribe(
      { query, variables },
      {
        next: (r) => (r.errors ? reject(new Error(r.errors[0]!.message)) : resolve(r.data as T)),
        error: reject,
        complete: () => {},
      },
    ),
  );
}

async function measure(
  person: Person,
  agentId: string,
  round: number,
  samples: Samples,
  snapshotOf: () => Promise<string>,
): Promise<void> {
  loopDelay.reset();
  const from = performance.now();
  const { send, firstDelta, revision } = await person.converse(agentId, `round-${round}`);
  samples.send.push(send);
  samples.firstDelta.push(firstDelta);
  samples.subscribe.push(await person.subscribeAgain(agentId, revision - 1));
  const to = performance.now();
  samples.spans.push({ from, to, loopMaxMs: loopDelay.max / 1e6, snapshot: await snapshotOf() });
}

const loopDelay = monitorEventLoopDelay({ resolution: 1 });
const gcPauses: { from: number; to: number; kind: number }[] = [];

/** Each sample with what ran beside it: GC pauses, the longest event-loop stall, the snapshot's revision. */
function logSamples(label: string, samples: Samples): void {
  samples.spans.forEach((span, i) => {
    const gc = gcPauses.filter((p) => p.to > span.from && p.from < span.to);
    const gcMs = gc.reduce((sum, p) => sum + (p.to - p.from), 0);
    const major = gc.filter((p) => p.kind === constants.NODE_PERFORMANCE_GC_MAJOR).length;
    console.log(
      `  ${label} turn ${String(i).padStart(3)}: send ${samples.send[i]!.toFixed(1)} ms, first delta ${samples.firstDelta[i]!.toFixed(1)} ms, subscribe ${samples.subscribe[i]!.toFixed(1)} ms; GC ${gcMs.toFixed(1)} ms (${gc.length} pauses, ${major} major), longest loop stall ${span.loopMaxMs.toFixed(1)} ms, snapshot ${span.snapshot}`,
    );
  });
}

/** Every reactor's checkpoint has passed the events stored so far. */
async function reactorsCaughtUp(system: System): Promise<void> {
  const head = await system.eventStore.headPosition();
  await eventually(async () => {
    const { rows } = await system.database.pool.query<{ position: string }>(
      "select position from reactor_checkpoints",
    );
    return rows.every((row) => system.eventStore.comparePositions(row.position, head) >= 0);
  }, 600_000);
}

/**
 * A conversation's state loaded as a process that has not seen it does (median of three): from its
 * stored snapshot and the events after it, and from the whole stream.
 */
async function coldLoad(system: System, streamId: string, snapshots: boolean): Promise<number> {
  const { snapshotsFor } = stateSnapshots(system.database, system.privacy.keys, system.logger);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const commands = new CommandHandler(system.events, snapshots ? { snapshots: snapshotsFor } : {});
    times.push((await timed(() => commands.load(conversationDecider, streamId))).ms);
  }
  return percentile(times, 50);
}

/**
 * sendMessage, the reply's first delta and a new subscription's set-up in a conversation of
 * 20,000 events, against the same in a 20-event one on the same server, measured turn about.
 * `BENCH_SAMPLES=1` also prints every turn with what ran beside it (GC pauses, the longest
 * event-loop stall, the conversation's stored snapshot), to tell what a slow turn waited for.
 */
export default async function longConversationBench(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "withme-bench-long-"));
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
  const admin = wsClient(url, "dev");
  const short = new Person(url, "dev:short");
  const long = new Person(url, "dev:long");
  try {
    const agentId = await createAgentOver(admin, AGENT);
    for (const person of [short, long]) person.listen(agentId);
    // Each person's first message registers them and starts the conversation.
    for (const person of [short, long]) await person.converse(agentId, "hello");
    // Summaries are written every few messages, as the memory reactor writes them as a conversation goes.
    const seeding = { summarizeEvery: defaultEngineSettings.summarizeEvery };
    await seedConversation(system.commands, short.userId, agentId, SHORT_EVENTS - 5, seeding);
    await seedConversation(system.commands, long.userId, agentId, LONG_EVENTS - 5, seeding);
    // A turn each, answered, shows the read models have caught up with the seeding.
    let warmUp = 0;
    for (const person of [short, long]) warmUp = (await person.converse(agentId, "warm-up")).revision;
    // Seeding appends thousands of turns at once, which the reactors work through afterwards;
    // turns are measured once they have, as in a conversation that grew turn by turn.
    await reactorsCaughtUp(system);
    // The first subscription after the seeding brings the server's conversation snapshot forward
    // over every seeded event: a cost paid once per conversation and process, reported apart.
    const cold = await long.subscribeAgain(agentId, warmUp - 1);
    const shortSamples: Samples = { send: [], firstDelta: [], subscribe: [], spans: [] };
    const longSamples: Samples = { send: [], firstDelta: [], subscribe: [], spans: [] };
    const snapshotOf = (person: Person) => async () => {
      const { rows } = await system.database.pool.query<{ revision: string; bytes: number }>(
        "select revision::text, octet_length(payload) as bytes from stream_snapshots where stream_id = $1",
        [conversationStreamId(person.userId, agentId)],
      );
      return rows[0] ? `at ${rows[0].revision} (${(rows[0].bytes / 1e6).toFixed(1)} MB)` : "none";
    };
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0;
        gcPauses.push({ from: entry.startTime, to: entry.startTime + entry.duration, kind });
      }
    });
    gcObserver.observe({ entryTypes: ["gc"] });
    loopDelay.enable();
    await cpuProfiled("longConversation", async () => {
      for (let round = 0; round < ROUNDS; round++) {
        await measure(short, agentId, round, shortSamples, snapshotOf(short));
        await measure(long, agentId, round, longSamples, snapshotOf(long));
      }
    });
    loopDelay.disable();
    gcObserver.disconnect();
    if (process.env.BENCH_SAMPLES) {
      logSamples("short", shortSamples);
      logSamples("long", longSamples);
    }
    const lengths = await Promise.all([short, long].map((p) => p.revision(agentId)));
    const [shortStream, longStream] = [short, long].map((p) => conversationStreamId(p.userId, agentId));
    const coldShort = await coldLoad(system, shortStream!, true);
    const coldLong = await coldLoad(system, longStream!, true);
    const coldLongFolded = await coldLoad(system, longStream!, false);
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    const line = (name: string, key: "send" | "firstDelta" | "subscribe", p: number) => {
      const value = percentile(longSamples[key], p);
      const baseline = percentile(shortSamples[key], p);
      return {
        name: `${name} p${p}`,
        value: ms(value),
        baseline: `${ms(baseline)} in the ${lengths[0]! + 1}-event conversation`,
        ratio: value / baseline,
        target: "≤ 1.2×",
      };
    };
    report(
      `long conversation: ${lengths[1]! + 1} events against ${lengths[0]! + 1}, ${ROUNDS} turns each, offline engine`,
      [
        line("sendMessage", "send", 50),
        line("sendMessage", "send", 99),
        line("reply first delta", "firstDelta", 50),
        line("reply first delta", "firstDelta", 99),
        line("new subscription set-up", "subscribe", 50),
        line("new subscription set-up", "subscribe", 99),
        { name: "first subscription, cold snapshot", value: ms(cold) },
        {
          name: "conversation state, cold load",
          value: ms(coldLong),
          baseline: `${ms(coldShort)} in the ${lengths[0]! + 1}-event conversation`,
          ratio: coldLong / coldShort,
        },
        { name: "conversation state, cold load without snapshots", value: ms(coldLongFolded) },
      ],
    );
  } finally {
    await Promise.all([admin, short.client, long.client].map((c) => c.dispose()));
    await system.lifecycle.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
