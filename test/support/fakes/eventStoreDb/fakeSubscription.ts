import type streamsPb from "@eventstore/db-client/generated/streams_pb.js";
import type { FakeEventLog, LogPosition, StoredRecord } from "./fakeEventLog.ts";
import { caughtUpResponse, checkpointResponse, confirmationResponse } from "./fakeProtocol.ts";
import type { ResponseWriter } from "./fakeResponseWriter.ts";

/**
 * A catch-up subscription to `$all` as `Enumerators.AllSubscription(Filtered)` runs it: the
 * confirmation, the historical events in pages, a checkpoint whenever a filtered subscription has
 * considered `checkpointInterval` events, `CaughtUp` at the end of the log, then live events.
 */

type ReadResp = InstanceType<typeof streamsPb.ReadResp>;

export interface EventFilter {
  matches(record: StoredRecord): boolean;
  /** How many events one page of a filtered catch-up considers. */
  searchWindow: number;
  checkpointInterval: number;
}

export interface SubscriptionRequest {
  start: "start" | "end" | LogPosition;
  filter: EventFilter | undefined;
  subscriptionId: string;
  toResponse(record: StoredRecord): ReadResp;
}

const READ_BATCH_SIZE = 32;

export async function subscribeToAll(
  log: FakeEventLog,
  writer: ResponseWriter<ReadResp>,
  request: SubscriptionRequest,
): Promise<void> {
  const { filter, toResponse } = request;
  const records = log.records;
  let index = startIndex(log, request.start);
  await writer.write(confirmationResponse(request.subscriptionId));

  let considered = 0;
  const pageSize = filter?.searchWindow ?? READ_BATCH_SIZE;
  while (index < records.length) {
    if (writer.closed) return;
    const page = records.slice(index, index + pageSize);
    let checkpoint = page[0]!.logPosition;
    index += page.length;
    for (const record of page) {
      if (filter && !filter.matches(record)) continue;
      await writer.write(toResponse(record));
      checkpoint = record.logPosition;
    }
    if (!filter) continue;
    considered += page.length;
    if (considered >= filter.checkpointInterval && index < records.length) {
      considered %= filter.checkpointInterval;
      await writer.write(checkpointResponse(checkpoint));
    }
  }

  // Caught up: the live feed starts in the same turn as the last historical read, so nothing falls between.
  const live: StoredRecord[] = [];
  let wake: (() => void) | undefined;
  const stop = log.onWritten((record) => {
    live.push(record);
    wake?.();
  });
  try {
    await writer.write(caughtUpResponse());
    let next = 0;
    while (!writer.closed) {
      if (next === live.length) {
        live.length = 0;
        next = 0;
        await writer.waitUntil((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      const record = live[next++]!;
      if (!filter || filter.matches(record)) await writer.write(toResponse(record));
      if (filter && ++considered >= filter.checkpointInterval) {
        considered = 0;
        await writer.write(checkpointResponse(record.logPosition));
      }
    }
  } finally {
    stop();
  }
}

/**
 * From a position, the server reads the one event at or after it and starts after that event, so
 * the event at the checkpoint itself is not delivered again.
 */
function startIndex(log: FakeEventLog, start: "start" | "end" | LogPosition): number {
  if (start === "start") return 0;
  if (start === "end") return log.records.length;
  const index = log.firstIndexFrom(start);
  return index < log.records.length ? index + 1 : index;
}
