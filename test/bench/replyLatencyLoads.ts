import { zoneWhereItIs } from "../support/timeZones.ts";
import { bareTarget } from "./bareGraphqlWs.ts";
import type { LoopHealth } from "./loopHealth.ts";

/** The reply-latency bench's loads, what it measures of each, and its bare baseline. */

export const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 50);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);

export const AGENT = {
  name: "Bench",
  persona: { summary: "A calm night-owl radio host.", traits: ["calm"], speakingStyle: "short" },
  // Midday where the agents live: each reply still asks whether it has to wait for the morning.
  identity: { homeCity: "Lisbon", occupation: "radio host", timezone: zoneWhereItIs(12) },
  appearancePrompt: "short grey hair",
};

/** A person pausing between messages: `think` is the longest pause; 0 sends the next at once. */
export type Load = { name: string; thinkMs: number; targets: { p50: string; p99?: string } };
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
export const LOADS = ALL_LOADS.filter(
  (load) => !process.env.BENCH_LOADS || process.env.BENCH_LOADS.split(",").some((w) => load.name.includes(w)),
);

export function pause(load: Load, i: number, round: number): Promise<void> {
  if (load.thinkMs === 0) return Promise.resolve();
  const spread = ((i * 7919 + round * 104729) % 1000) / 1000;
  return new Promise((resolve) => setTimeout(resolve, 1_000 + spread * (load.thinkMs - 1_000)));
}

/** Time from sending a message to the first piece of the reply on the subscription, per load. */
export interface Measured {
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

export const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

/** The baseline: a bare graphql-ws server, from a mutation to its echo on the sender's subscription. */
export async function measureBare(load: Load): Promise<number[]> {
  const bare = await bareTarget(CONVERSATIONS);
  const waiting = new Map<string, () => void>();
  for (let i = 0; i < CONVERSATIONS; i++) bare.subscribe(i, (_kind, text) => waiting.get(text)?.());
  await bare.subscribed();
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
