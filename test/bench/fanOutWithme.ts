import type { Client } from "graphql-ws";
import { messageIdFor, replyIdFor } from "../../src/application/conversations/messageIds.ts";
import { userIdFor } from "../../src/application/users/registerUser.ts";
import { conversationStreamId } from "../../src/domain/streamIds.ts";
import { topics } from "../../src/ports/liveBus.ts";
import { createAgentOver, mutate, wsClient } from "./bareGraphqlWs.ts";
import { benchWithme } from "./benchWithme.ts";
import { cpuProfiled } from "./cpuProfile.ts";
import { Deliveries, probeSubscribers, watchReplyDeltas } from "./fanOutDeliveries.ts";
import {
  AGENT,
  CONNECTING_AT_ONCE,
  CONVERSATIONS,
  connected,
  conversationOf,
  cpuSince,
  firstOf,
  type Measured,
  PER_LARGE,
  rounds,
  SUBSCRIBERS,
  SUBSCRIPTION,
  subscribersOf,
  timeout,
} from "./fanOutShape.ts";
import { serverHeapPerIdleSubscription } from "./idleSubscriptions.ts";
import { SendSteps } from "./sendSteps.ts";
import { countServerSocketWrites } from "./socketWriteCount.ts";
import { heapUsed, openSubscriptionsOf, untilSubscribed } from "./support.ts";

/** withme with the offline engine: each message's reply deltas reach every subscriber of its conversation. */
export async function fanOutWithme(): Promise<Measured> {
  const bench = await benchWithme(
    "fanout",
    {
      WITHME_MUTATION_RATE_LIMIT: "100000",
      WITHME_WS_MAX_CONNECTIONS_PER_PERSON: String(SUBSCRIBERS),
    },
    // 200 open subscriptions and connections of one person (one conversation's watchers) are over the default caps.
    { api: { subscriptionCaps: { perConnection: 25, perPerson: PER_LARGE } } },
  );
  const { system } = bench;
  const url = bench.wsUrl;
  const admin = wsClient(url, "dev");
  const clients: Client[] = [];
  try {
    const agentId = await createAgentOver(admin, AGENT);
    const subject = (c: number) => `dev:fan${c}`;
    const deliveries = new Deliveries();
    const completed = new Deliveries();
    const probes = new Deliveries();
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
    const people = Array.from({ length: CONVERSATIONS }, (_, c) =>
      userIdFor({ provider: "dev", subject: subject(c) }),
    );
    const openOnServer = openSubscriptionsOf(system.api!, people);
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
            if (event.__typename === "ReplyDelta") probes.arrived(event.replyId, k);
            if (event.__typename === "ReplyCompleted") completed.arrived(event.replyId, k);
          },
          error: () => {},
          complete: () => {},
        },
      );
    }
    await untilSubscribed(openOnServer, SUBSCRIBERS, system.bus);
    await probeSubscribers(
      system.bus,
      probes,
      people.map((person, c) => ({
        topic: topics.conversation(person, agentId),
        subscribers: subscribersOf(c),
      })),
    );
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
    const serverBytesPerIdleSubscription = await serverHeapPerIdleSubscription(
      url,
      Array.from({ length: SUBSCRIBERS }, (_, k) => ({
        token: subject(conversationOf(k)),
        query: SUBSCRIPTION,
        variables: { agentId },
      })),
      openOnServer,
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
    await bench.stop();
  }
}
