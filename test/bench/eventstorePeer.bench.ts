import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { benchEvent, benchEvents, median } from "./benchEvents.ts";
import { openPeers, type PeerStore } from "./eventStorePeers.ts";
import { benchPostgres, perSecond, report, timed } from "./support.ts";

const ROUNDS = 7;
const POOL_SIZE = 10;
const SINGLE_APPENDS = 200;
const EXPECTED_APPENDS = 200;
const EXPECTED_STREAMS = 20;
const BATCHES = 30;
const BATCH_SIZE = 100;
const WRITERS = 8;
const APPENDS_PER_WRITER = 40;
const LONG_STREAM = 10_000;
const STREAM_READS = 3;
const ALL_EVENTS = 20_000;
const ALL_PAGE = 1_000;

const BARE_PASSES = 3;
const BARE_BLOCK = 3;

type Side = "withme" | "Emmett";

interface Figure {
  name: string;
  unit: string;
  /** Runs once on one side; resolves to how many units it did. */
  run(side: Side, scale: number): Promise<number>;
}

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
    const stores: Record<"withme" | "Emmett", PeerStore> = { withme: peers.withme, Emmett: peers.emmett };
    const counts = { withme: new Map<string, number>(), Emmett: new Map<string, number>() };
    const expectedStreams = Array.from({ length: EXPECTED_STREAMS }, () => `conversation-${randomUUID()}`);
    const longStream = `conversation-${randomUUID()}`;
    for (const side of ["withme", "Emmett"] as const) {
      const store = stores[side];
      for (const streamId of expectedStreams) {
        await store.append(streamId, [benchEvent(0)], 0);
        counts[side].set(streamId, 1);
      }
      for (let written = 0; written < LONG_STREAM; written += 1_000) {
        await store.append(longStream, benchEvents(1_000, written), written);
      }
      for (let written = LONG_STREAM; written < ALL_EVENTS; written += 1_000) {
        await store.append(`fill-${randomUUID()}`, benchEvents(1_000, written), 0);
      }
    }
    await peers.fillBareLikeEvents();

    const appendOne = (side: Side, streamId: string) => {
      const count = counts[side].get(streamId) ?? 0;
      return stores[side].append(streamId, [benchEvent(count)], count).then(() => {
        counts[side].set(streamId, count + 1);
      });
    };
    const figures: Figure[] = [
      {
        name: "single appends to new streams",
        unit: "appends/s",
        run: async (side, scale) => {
          const n = Math.ceil(SINGLE_APPENDS * scale);
          for (let i = 0; i < n; i++) await appendOne(side, `conversation-${randomUUID()}`);
          return n;
        },
      },
      {
        name: "appends with an expected version",
        unit: "appends/s",
        run: async (side, scale) => {
          const n = Math.ceil(EXPECTED_APPENDS * scale);
          for (let i = 0; i < n; i++) await appendOne(side, expectedStreams[i % EXPECTED_STREAMS]!);
          return n;
        },
      },
      {
        name: `${BATCH_SIZE}-event batches to new streams`,
        unit: "events/s",
        run: async (side, scale) => {
          const n = Math.ceil(BATCHES * scale);
          for (let b = 0; b < n; b++)
            await stores[side].append(`batch-${randomUUID()}`, benchEvents(BATCH_SIZE, b * BATCH_SIZE), 0);
          return n * BATCH_SIZE;
        },
      },
      {
        name: `${WRITERS} concurrent writers, expected version`,
        unit: "appends/s",
        run: async (side, scale) => {
          const n = Math.ceil(APPENDS_PER_WRITER * scale);
          await Promise.all(
            Array.from({ length: WRITERS }, async () => {
              const streamId = `conversation-${randomUUID()}`;
              for (let i = 0; i < n; i++) await appendOne(side, streamId);
            }),
          );
          return WRITERS * n;
        },
      },
      {
        name: `reading a ${LONG_STREAM.toLocaleString("en")}-event stream`,
        unit: "events/s",
        run: async (side, scale) => {
          let read = 0;
          for (let i = 0; i < Math.ceil(STREAM_READS * scale); i++)
            read += await stores[side].readStream(longStream);
          if (read % LONG_STREAM !== 0) throw new Error(`${side} read ${read} events of the long stream`);
          return read;
        },
      },
      {
        name: `reading $all (${ALL_EVENTS.toLocaleString("en")} events, pages of ${ALL_PAGE})`,
        unit: "events/s",
        run: async (side) => {
          const read = await stores[side].readAll(ALL_EVENTS, ALL_PAGE);
          if (read !== ALL_EVENTS) throw new Error(`${side} read ${read} events of $all`);
          return read;
        },
      },
    ];

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
