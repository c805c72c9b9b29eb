import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { benchEvents, median } from "./benchEvents.ts";
import { BATCH_SIZE, BATCHES, filledPeers, peerFigures, type Side } from "./eventStorePeerFigures.ts";
import { openPeers } from "./eventStorePeers.ts";
import { benchPostgres, perSecond, report, timed } from "./support.ts";

const ROUNDS = 7;
const POOL_SIZE = 10;
const BARE_PASSES = 3;
const BARE_BLOCK = 3;

/**
 * withme's PostgreSQL event store against Emmett's (`@event-driven-io/emmett-postgresql`) on the
 * same durable server, same database and same pool size. Every round runs each figure on both
 * sides, the side going first alternating; each side's figure is the median over the rounds and
 * the ratio the median of the rounds' ratios, each taken under one round's conditions. Batches
 * also run against bare INSERTs into a table holding the same rows under the same indexes,
 * alternating in blocks of a few batches so that both see the same load.
 */
export default async function eventStorePeerBench(): Promise<void> {
  const loadBefore = loadavg();
  const emmettVersion = (
    JSON.parse(
      await readFile(
        new URL("../../node_modules/@event-driven-io/emmett-postgresql/package.json", import.meta.url),
        "utf8",
      ),
    ) as { version: string }
  ).version;
  const postgres = await benchPostgres();
  const peers = await openPeers(postgres.url, POOL_SIZE);
  try {
    const filled = await filledPeers(peers);
    const { stores } = filled;
    const figures = peerFigures(filled);

    const rates = new Map<string, Record<Side, number[]>>(
      figures.map((figure) => [figure.name, { withme: [], Emmett: [] }]),
    );
    const againstBare = { withme: [] as number[], bare: [] as number[] };
    // Short blocks of batches, the side going first alternating: an append's announcement runs
    // beside the side's next append, as it does in use, and the block's time runs until the last
    // one is done, so no announcement runs into the bare side's time.
    const bareBatches = async (blocks: number) => {
      const ms = { withme: 0, bare: 0 };
      for (let block = 0; block < blocks; block++) {
        for (const side of block % 2 === 0 ? (["withme", "bare"] as const) : (["bare", "withme"] as const)) {
          const started = performance.now();
          for (let b = 0; b < BARE_BLOCK; b++) {
            const events = benchEvents(BATCH_SIZE, b * BATCH_SIZE);
            const streamId = `batch-${randomUUID()}`;
            if (side === "bare") await peers.bareBatch(streamId, events);
            else await stores.withme.append(streamId, events, 0);
          }
          if (side === "withme") await peers.withmeIdle();
          ms[side] += performance.now() - started;
        }
      }
      return ms;
    };
    // A short unmeasured round first: connections opened, plans cached, tables touched.
    for (let round = -1; round < ROUNDS; round++) {
      for (const figure of figures) {
        const sides: Side[] = round % 2 === 0 ? ["withme", "Emmett"] : ["Emmett", "withme"];
        for (const side of sides) {
          const { ms, result } = await timed(() => figure.run(side, round < 0 ? 0.1 : 1));
          if (round >= 0) rates.get(figure.name)![side].push(perSecond(result, ms));
        }
      }
      for (let pass = 0; pass < (round < 0 ? 1 : BARE_PASSES); pass++) {
        const ms = await bareBatches(round < 0 ? 1 : BATCHES / BARE_BLOCK);
        if (round < 0) continue;
        againstBare.withme.push(perSecond(BATCHES * BATCH_SIZE, ms.withme));
        againstBare.bare.push(perSecond(BATCHES * BATCH_SIZE, ms.bare));
      }
    }

    const loadAfter = loadavg();
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
    // Both sides of a round ran under the same conditions, so each round gives one ratio.
    const paired = (ours: number[], theirs: number[]) => {
      const ratios = ours.map((value, i) => value / theirs[i]!);
      const spread = `rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×`;
      return { ratio: median(ratios), spread };
    };
    report(
      `event store against Emmett ${emmettVersion} (durable embedded PostgreSQL, pools of ${POOL_SIZE}, ${ROUNDS} interleaved rounds; medians, ratio = median of the rounds' ratios; load ${load(loadBefore)} → ${load(loadAfter)})`,
      figures.flatMap((figure) => {
        const r = rates.get(figure.name)!;
        const peer = paired(r.withme, r.Emmett);
        return [
          {
            name: figure.name,
            value: `${Math.round(median(r.withme))} ${figure.unit} [${peer.spread}]`,
            baseline: `Emmett ${Math.round(median(r.Emmett))} ${figure.unit}`,
            ratio: peer.ratio,
            target: "≥ 1.2×",
          },
        ];
      }),
    );
    const bare = paired(againstBare.withme, againstBare.bare);
    report(
      `${BATCH_SIZE}-event batches against bare INSERTs (alternating in blocks of ${BARE_BLOCK}, ${againstBare.withme.length} passes of ${BATCHES} batches a side; medians, ratio = median of the passes' ratios)`,
      [
        {
          name: `${BATCH_SIZE}-event batches to new streams`,
          value: `${Math.round(median(againstBare.withme))} events/s [${bare.spread}]`,
          baseline: `${Math.round(median(againstBare.bare))} rows/s in batched INSERTs, same rows and indexes`,
          ratio: bare.ratio,
          target: "≥ 0.9×",
        },
      ],
    );
  } finally {
    await peers.close();
    await postgres.cleanup();
  }
}
