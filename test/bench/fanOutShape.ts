import type { Client } from "graphql-ws";
import { zoneWhereItIs } from "../support/timeZones.ts";
import type { Deliveries } from "./fanOutDeliveries.ts";
import type { SendSteps } from "./sendSteps.ts";

/** What the fan-out bench sends, to whom, and what it measures of each server. */

/** 100 conversations with 8 subscribers each (tabs, devices) and one with 200. */
export const SMALL = 100;
export const PER_SMALL = 8;
export const PER_LARGE = 200;
export const CONVERSATIONS = SMALL + 1;
/** Measured rounds, after one that warms both servers up; odd, so the rounds have a middle one. */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const SENDING_AT_ONCE = 10;
/** Connections opened before waiting for the last one: a thousand at once overflow the listen backlog. */
export const CONNECTING_AT_ONCE = 50;
export const conversationOf = (k: number) => (k < SMALL * PER_SMALL ? Math.floor(k / PER_SMALL) : SMALL);
export const SUBSCRIBERS = SMALL * PER_SMALL + PER_LARGE;
/** The first subscriber of each conversation, whose connection also sends. */
export const firstOf = (c: number) => (c < SMALL ? c * PER_SMALL : SMALL * PER_SMALL);

export const AGENT = {
  name: "Bench",
  persona: { summary: "A calm night-owl radio host.", traits: ["calm"], speakingStyle: "short" },
  identity: { homeCity: "Lisbon", occupation: "radio host", timezone: zoneWhereItIs(12) },
  appearancePrompt: "short grey hair",
};

export const SUBSCRIPTION = `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename ... on ReplyDelta { replyId } ... on ReplyCompleted { replyId } } }`;

export const subscribersOf = (c: number) =>
  Array.from({ length: SUBSCRIBERS }, (_, k) => k).filter((k) => conversationOf(k) === c);

export async function rounds(
  send: (c: number, round: number) => Promise<void>,
  count = ROUNDS,
): Promise<void> {
  for (let round = 0; round < count; round++) {
    for (let c = 0; c < CONVERSATIONS; c += SENDING_AT_ONCE) {
      const batch = Array.from({ length: Math.min(SENDING_AT_ONCE, CONVERSATIONS - c) }, (_, i) => c + i);
      await Promise.all(batch.map((conversation) => send(conversation, round)));
    }
  }
}

export const connected = (client: Client) =>
  new Promise<void>((resolve) => {
    const stop = client.on("connected", () => {
      stop();
      resolve();
    });
  });

export const timeout = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Measured {
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
export function cpuSince(start: NodeJS.CpuUsage, deliveries: number): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / Math.max(1, deliveries);
}
