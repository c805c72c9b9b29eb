import { loopHealthLines } from "./loopHealth.ts";
import { CONVERSATIONS, LOADS, measureBare } from "./replyLatencyLoads.ts";
import { measureWithme } from "./replyLatencyWithme.ts";
import { roundMedians } from "./replyRounds.ts";
import { percentile, report } from "./support.ts";

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
