import type { Client } from "graphql-ws";
import { messageIdFor, replyIdFor } from "../../src/application/conversations/messageIds.ts";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { createAgentOver, mutate, wsClient } from "./bareGraphqlWs.ts";
import { benchWithme } from "./benchWithme.ts";
import { cpuProfiled } from "./cpuProfile.ts";
import { watchReplyDeltas } from "./fanOutDeliveries.ts";
import { watchLoopHealth } from "./loopHealth.ts";
import { countQueries } from "./queryCount.ts";
import {
  AGENT,
  CONVERSATIONS,
  LOADS,
  type Measured,
  pause,
  ROUNDS,
  threadCpuMs,
} from "./replyLatencyLoads.ts";
import { roundsTogether } from "./replyRounds.ts";
import { openSubscriptionsOf, untilSubscribed } from "./support.ts";

/** Each load in turn against withme with the offline engine: the measures of every reply, by load. */
export async function measureWithme(): Promise<Map<string, Measured>> {
  const bench = await benchWithme("reply", { WITHME_MUTATION_RATE_LIMIT: "1000" });
  const { system } = bench;
  const url = bench.wsUrl;
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
    const people = Array.from({ length: CONVERSATIONS }, (_, i) =>
      userIdFor({ provider: "dev", subject: `dev:reply${i}` }),
    );
    await untilSubscribed(openSubscriptionsOf(system.api!, people), CONVERSATIONS, system.bus);
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
    await bench.stop();
  }
}
