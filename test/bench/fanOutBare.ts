import { bareTarget, startBareServer } from "./bareGraphqlWs.ts";
import { Deliveries, watchReplyDeltas } from "./fanOutDeliveries.ts";
import {
  conversationOf,
  cpuSince,
  firstOf,
  type Measured,
  rounds,
  SUBSCRIBERS,
  subscribersOf,
  timeout,
} from "./fanOutShape.ts";
import { serverHeapPerIdleSubscription } from "./idleSubscriptions.ts";
import { countServerSocketWrites } from "./socketWriteCount.ts";
import { heapUsed } from "./support.ts";

/** The baseline: a bare graphql-ws echo server fanning the same messages out to as many subscribers. */
export async function fanOutBare(): Promise<Measured> {
  const before = heapUsed();
  const bare = await bareTarget(SUBSCRIBERS, (k) => `c${conversationOf(k)}`);
  const deliveries = new Deliveries();
  watchReplyDeltas(bare.bus, (_who, text) => deliveries.published(text));
  for (let k = 0; k < SUBSCRIBERS; k++) bare.subscribe(k, (_kind, text) => deliveries.arrived(text, k));
  await bare.subscribed();
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
