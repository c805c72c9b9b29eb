import { userIdFor } from "../../src/application/users/registerUser.ts";
import { loadConfig } from "../../src/config/config.ts";
import { startWithme } from "../../src/main.ts";
import { topics } from "../../src/ports/liveBus.ts";
import { bareTarget, mutate, type Target, wsClient } from "./bareGraphqlWs.ts";
import { benchPostgres, openSubscriptionsOf, percentile, report, untilSubscribed } from "./support.ts";

const SUBSCRIBERS = 200;
const ROUNDS = 20;

/** withme: sendMessage and conversationEvents, live messages from the bus as the reply reactor sends them. */
async function withmeTarget(databaseUrl: string): Promise<Target> {
  const system = await startWithme(
    loadConfig(
      {
        DATABASE_URL: databaseUrl,
        PORT: "0",
        HOST: "127.0.0.1",
        WITHME_LOG_LEVEL: "silent",
        WITHME_ASLEEP_REPLIES: "drowsy",
      },
      { envFile: false },
    ),
    ["api"],
  );
  const url = `${system.api!.url.replace("http", "ws")}/graphql`;
  const admin = wsClient(url, "dev");
  let agentId = "";
  await new Promise<void>((resolve, reject) =>
    admin.subscribe(
      {
        query: `mutation($input: CreateAgentInput!) { createAgent(input: $input) { agentId } }`,
        variables: {
          input: {
            name: "Bench",
            persona: { summary: "s", traits: ["calm"], speakingStyle: "short" },
            identity: { homeCity: "Lisbon", occupation: "barista", timezone: "Europe/Lisbon" },
            appearancePrompt: "a",
          },
        },
      },
      {
        next: (r) => {
          agentId = (r.data as { createAgent: { agentId: string } }).createAgent.agentId;
        },
        error: reject,
        complete: resolve,
      },
    ),
  );
  const clients = Array.from({ length: SUBSCRIBERS }, (_, i) => wsClient(url, `dev:bench${i}`));
  const people = clients.map((_, i) => userIdFor({ provider: "dev", subject: `dev:bench${i}` }));
  let subscriptions = 0;
  return {
    send: (i, text) =>
      mutate(clients[i]!, `mutation($input: SendMessageInput!) { sendMessage(input: $input) { replyId } }`, {
        input: { agentId, text, clientMessageId: `bench-${text}` },
      }),
    publish: (i, text) =>
      system.bus.publish(
        topics.conversation(userIdFor({ provider: "dev", subject: `dev:bench${i}` }), agentId),
        { kind: "reply.delta", payload: { replyId: "r", text, index: 0 } },
      ),
    subscribe: (i, onEvent) => {
      subscriptions++;
      clients[i]!.subscribe(
        {
          query: `subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename ... on MessageAdded { message { text } } ... on ReplyDelta { text } } }`,
          variables: { agentId },
        },
        {
          next: (r) => {
            const event = (
              r.data as {
                conversationEvents: { __typename: string; text?: string; message?: { text: string } };
              }
            ).conversationEvents;
            if (event.__typename === "MessageAdded") onEvent("own", event.message!.text);
            if (event.__typename === "ReplyDelta") onEvent("live", event.text!);
          },
          error: () => {},
          complete: () => {},
        },
      );
    },
    subscribed: () => untilSubscribed(openSubscriptionsOf(system.api!, people), subscriptions, system.bus),
    close: async () => {
      await Promise.all([admin, ...clients].map((c) => c.dispose()));
      await system.lifecycle.stop();
    },
  };
}

interface Measured {
  roundTrip: number[];
  ownDelivery: number[];
  liveDelivery: number[];
}

/** Sends one message per subscriber (mutation answered, then its own echo on the subscription), then live fan-outs. */
async function measure(target: Target): Promise<Measured> {
  const waiting = new Map<string, () => void>();
  const liveSent = new Map<string, number>();
  const liveDelivery: number[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++)
    target.subscribe(i, (kind, text) => {
      if (kind === "own") waiting.get(text)?.();
      else if (liveSent.has(text)) liveDelivery.push(performance.now() - liveSent.get(text)!);
    });
  await target.subscribed();
  const roundTrip: number[] = [];
  const ownDelivery: number[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const text = `m${i}-${Math.random().toString(36).slice(2)}`;
    const arrived = new Promise<void>((resolve) => waiting.set(text, resolve));
    const started = performance.now();
    await target.send(i, text);
    roundTrip.push(performance.now() - started);
    await arrived;
    ownDelivery.push(performance.now() - started);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const sends = [];
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const text = `l${round}-${i}`;
      liveSent.set(text, performance.now());
      sends.push(target.publish(i, text));
    }
    await Promise.all(sends);
    const expected = (round + 1) * SUBSCRIBERS;
    const deadline = Date.now() + 10_000;
    while (liveDelivery.length < expected && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { roundTrip, ownDelivery, liveDelivery };
}

export default async function apiBench(): Promise<void> {
  const postgres = await benchPostgres();
  try {
    const bare = await bareTarget(SUBSCRIBERS);
    const baseline = await measure(bare);
    await bare.close();
    const withme = await withmeTarget(postgres.url);
    const measured = await measure(withme);
    await withme.close();
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    const line = (name: string, values: number[], base: number[], p: number) => ({
      name: `${name} p${p}`,
      value: ms(percentile(values, p)),
      baseline: ms(percentile(base, p)),
      ratio: percentile(values, p) / percentile(base, p),
    });
    report(`GraphQL API (${SUBSCRIBERS} WebSocket subscribers; baseline: a bare graphql-ws echo server)`, [
      line("sendMessage round trip (mutation over WS)", measured.roundTrip, baseline.roundTrip, 50),
      line("sendMessage round trip (mutation over WS)", measured.roundTrip, baseline.roundTrip, 99),
      line("sendMessage until MessageAdded arrives", measured.ownDelivery, baseline.ownDelivery, 50),
      line("sendMessage until MessageAdded arrives", measured.ownDelivery, baseline.ownDelivery, 99),
      line(
        `live delivery, ${ROUNDS}×${SUBSCRIBERS} reply deltas`,
        measured.liveDelivery,
        baseline.liveDelivery,
        50,
      ),
      line(
        `live delivery, ${ROUNDS}×${SUBSCRIBERS} reply deltas`,
        measured.liveDelivery,
        baseline.liveDelivery,
        99,
      ),
    ]);
  } finally {
    await postgres.cleanup();
  }
}
