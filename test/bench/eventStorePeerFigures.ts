import { randomUUID } from "node:crypto";
import { benchEvent, benchEvents } from "./benchEvents.ts";
import type { openPeers, PeerStore } from "./eventStorePeers.ts";

/** What the event-store peer bench writes to both stores first, and the figures it times on each. */

export const SINGLE_APPENDS = 200;
export const EXPECTED_APPENDS = 200;
export const EXPECTED_STREAMS = 20;
export const BATCHES = 30;
export const BATCH_SIZE = 100;
export const WRITERS = 8;
export const APPENDS_PER_WRITER = 40;
export const LONG_STREAM = 10_000;
export const STREAM_READS = 3;
export const ALL_EVENTS = 20_000;
export const ALL_PAGE = 1_000;

export type Side = "withme" | "Emmett";

export interface Figure {
  name: string;
  unit: string;
  /** Runs once on one side; resolves to how many units it did. */
  run(side: Side, scale: number): Promise<number>;
}

/** Both stores filled alike: streams to append to with an expected version, a long one, and $all. */
export async function filledPeers(peers: Awaited<ReturnType<typeof openPeers>>) {
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

  return { stores, counts, expectedStreams, longStream };
}

/** The figures, each run on one side at a time. */
export function peerFigures({
  stores,
  counts,
  expectedStreams,
  longStream,
}: Awaited<ReturnType<typeof filledPeers>>): Figure[] {
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
  return figures;
}
