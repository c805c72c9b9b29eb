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

type Side = "withme" | "Emmett" | "bare";

interface Figure {
  name: string;
  unit: string;
  /** Also run against bare batched INSERTs. */
  againstBare?: boolean;
  /** Runs once on one side; resolves to how many units it did. */
  run(side: Side, scale: number): Promise<number>;
}

/**
 * withme's PostgreSQL event store against Emmett's (`@event-driven-io/emmett-postgresql`) on the
 * same durable server, same database and same pool size. Every round runs each figure on both
 * sides, the side going first alternating; each side's figure is the median over the rounds and
 * the ratio the median of the rounds' ratios, each taken under one round's conditions.
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

    const appendOne = (side: Side, streamId: string) => {
      if (side === "bare") throw new Error("the bare table only takes batches");
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
        againstBare: true,
        run: async (side, scale) => {
          const n = Math.ceil(BATCHES * scale);
          for (let b = 0; b < n; b++) {
            const events = benchEvents(BATCH_SIZE, b * BATCH_SIZE);
            const streamId = `batch-${randomUUID()}`;
            if (side === "bare") await peers.bareBatch(streamId, events);
            else await stores[side].append(streamId, events, 0);
          }
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
          if (side === "bare") throw new Error("the bare table is not read");
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
          if (side === "bare") throw new Error("the bare table is not read");
          const read = await stores[side].readAll(ALL_EVENTS, ALL_PAGE);
          if (read !== ALL_EVENTS) throw new Error(`${side} read ${read} events of $all`);
          return read;
        },
      },
    ];

    const rates = new Map<string, Record<Side, number[]>>(
      figures.map((figure) => [figure.name, { withme: [], Emmett: [], bare: [] }]),
    );
    // A short unmeasured round first: connections opened, plans cached, tables touched.
    for (let round = -1; round < ROUNDS; round++) {
      for (const figure of figures) {
        const sides: Side[] = figure.againstBare ? ["withme", "Emmett", "bare"] : ["withme", "Emmett"];
        const shift = Math.max(round, 0) % sides.length;
        for (const side of [...sides.slice(shift), ...sides.slice(0, shift)]) {
          const { ms, result } = await timed(() => figure.run(side, round < 0 ? 0.1 : 1));
          if (round >= 0) rates.get(figure.name)![side].push(perSecond(result, ms));
        }
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
        const lines = [
          {
            name: figure.name,
            value: `${Math.round(median(r.withme))} ${figure.unit} [${peer.spread}]`,
            baseline: `Emmett ${Math.round(median(r.Emmett))} ${figure.unit}`,
            ratio: peer.ratio,
            target: "≥ 1.2×",
          },
        ];
        if (r.bare.length > 0) {
          const bare = paired(r.withme, r.bare);
          lines.push({
            name: `${figure.name}, against bare INSERTs`,
            value: `${Math.round(median(r.withme))} ${figure.unit} [${bare.spread}]`,
            baseline: `${Math.round(median(r.bare))} rows/s in batched INSERTs, same indexes`,
            ratio: bare.ratio,
            target: "≥ 0.9×",
          });
        }
        return lines;
      }),
    );
  } finally {
    await peers.close();
    await postgres.cleanup();
  }
}
