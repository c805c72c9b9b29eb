import { fanOutBare } from "./fanOutBare.ts";
import { median, percentileByRound } from "./fanOutDeliveries.ts";
import {
  type Measured,
  PER_LARGE,
  PER_SMALL,
  ROUNDS,
  SENDING_AT_ONCE,
  SMALL,
  SUBSCRIBERS,
} from "./fanOutShape.ts";
import { fanOutWithme } from "./fanOutWithme.ts";
import { percentile, report } from "./support.ts";

/** Reply deltas reaching 1,000 graphql-ws subscribers on one process, against a bare echo server. */
export default async function fanOutBench(): Promise<void> {
  const bare = await fanOutBare();
  const withme = await fanOutWithme();
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
