import { randomUUID } from "node:crypto";
import streamsPb from "@eventstore/db-client/generated/streams_pb.js";
import type * as grpc from "@grpc/grpc-js";
import type { FakeEventLog, LogPosition, StoredRecord } from "./fakeEventLog.ts";
import { eventResponse, handlerException, streamName, streamNotFoundResponse } from "./fakeProtocol.ts";
import { ResponseWriter } from "./fakeResponseWriter.ts";
import { type EventFilter, subscribeToAll } from "./fakeSubscription.ts";

/** `Streams.Read`: reads of a stream or of `$all` either way, and catch-up subscriptions to `$all`. */

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type Options = InstanceType<typeof streamsPb.ReadReq.Options>;

const { Options: ReadOptions } = streamsPb.ReadReq;
const READ_BATCH_SIZE = 32;

export function readHandler(log: FakeEventLog) {
  return async (call: grpc.ServerWritableStream<ReadReq, ReadResp>): Promise<void> => {
    const writer = new ResponseWriter<ReadResp>(call);
    try {
      const options = call.request.getOptions();
      if (!options) throw handlerException();
      const structuredIds = options.getUuidOption()?.hasString() !== true;
      const filter = toFilter(options);
      const toResponse = (record: StoredRecord) => eventResponse(record, structuredIds);
      const subscription = options.getCountOptionCase() === ReadOptions.CountOptionCase.SUBSCRIPTION;
      if (options.hasAll() && subscription) {
        await subscribeToAll(log, writer, {
          start: allStart(options),
          filter,
          subscriptionId: randomUUID(),
          toResponse,
        });
      } else if (subscription || options.getCountOptionCase() !== ReadOptions.CountOptionCase.COUNT) {
        // Subscriptions to a single stream are not part of this fake.
        throw handlerException();
      } else {
        const count = Number(options.getCount());
        const backwards = options.getReadDirection() === ReadOptions.ReadDirection.BACKWARDS;
        const records = options.hasAll()
          ? readAll(log, allStart(options), backwards)
          : readStream(log, options, backwards);
        if (records === "not found") {
          await writer.write(streamNotFoundResponse(streamName(options.getStream()?.getStreamIdentifier())));
        } else {
          let sent = 0;
          for (const record of records) {
            if (sent >= count || writer.closed) break;
            if (filter && !filter.matches(record)) continue;
            await writer.write(toResponse(record));
            sent += 1;
          }
        }
      }
      writer.end();
    } catch (error) {
      writer.fail(error as grpc.ServiceError);
    }
  };
}

function allStart(options: Options): "start" | "end" | LogPosition {
  const all = options.getAll()!;
  switch (all.getAllOptionCase()) {
    case ReadOptions.AllOptions.AllOptionCase.START:
      return "start";
    case ReadOptions.AllOptions.AllOptionCase.END:
      return "end";
    case ReadOptions.AllOptions.AllOptionCase.POSITION: {
      const position = all.getPosition()!;
      return { commit: Number(position.getCommitPosition()), prepare: Number(position.getPreparePosition()) };
    }
    default:
      throw handlerException();
  }
}

/** Forwards from a position includes the event there; backwards starts below it (post-positions). */
function* readAll(log: FakeEventLog, start: "start" | "end" | LogPosition, backwards: boolean) {
  const records = log.records;
  if (backwards) {
    const end = start === "end" ? records.length : start === "start" ? 0 : log.countEndingBy(start);
    for (let index = end - 1; index >= 0; index--) yield records[index]!;
  } else {
    const first = start === "start" ? 0 : start === "end" ? records.length : log.firstIndexFrom(start);
    for (let index = first; index < records.length; index++) yield records[index]!;
  }
}

function readStream(
  log: FakeEventLog,
  options: Options,
  backwards: boolean,
): Iterable<StoredRecord> | "not found" {
  const stream = options.getStream()!;
  const records = log.stream(streamName(stream.getStreamIdentifier()));
  if (!records) return "not found";
  const last = records.length - 1;
  const Case = ReadOptions.StreamOptions.RevisionOptionCase;
  let from: number;
  switch (stream.getRevisionOptionCase()) {
    case Case.START:
      from = 0;
      break;
    case Case.END:
      from = backwards ? last : records.length;
      break;
    case Case.REVISION:
      from = Math.min(Number(stream.getRevision()), backwards ? last : records.length);
      break;
    default:
      throw handlerException();
  }
  return (function* () {
    if (backwards) for (let revision = from; revision >= 0; revision--) yield records[revision]!;
    else for (let revision = from; revision < records.length; revision++) yield records[revision]!;
  })();
}

/** `FilterOptions`: on event type or stream name, by regular expression or by prefixes. */
function toFilter(options: Options): EventFilter | undefined {
  if (options.getFilterOptionCase() !== ReadOptions.FilterOptionCase.FILTER) return undefined;
  const filter = options.getFilter()!;
  const Filter = ReadOptions.FilterOptions;
  const onType = filter.getFilterCase() === Filter.FilterCase.EVENT_TYPE;
  const expression = onType ? filter.getEventType() : filter.getStreamIdentifier();
  if (!expression) throw handlerException();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : null;
  const prefixes = expression.getPrefixList();
  const window = filter.getWindowCase() === Filter.WindowCase.MAX ? filter.getMax() : READ_BATCH_SIZE;
  return {
    matches: (record) => {
      const value = onType ? record.type : record.streamId;
      return regex ? regex.test(value) : prefixes.some((prefix) => value.startsWith(prefix));
    },
    searchWindow: window,
    checkpointInterval: Math.max(1, filter.getCheckpointintervalmultiplier()) * window,
  };
}
