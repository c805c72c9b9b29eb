import sharedPb from "@eventstore/db-client/generated/shared_pb.js";
import statusPb from "@eventstore/db-client/generated/status_pb.js";
import streamsPb from "@eventstore/db-client/generated/streams_pb.js";
import * as grpc from "@grpc/grpc-js";
import anyPb from "google-protobuf/google/protobuf/any_pb.js";
import emptyPb from "google-protobuf/google/protobuf/empty_pb.js";
import {
  type AppendOutcome,
  EXPECTED_ANY,
  EXPECTED_NO_STREAM,
  EXPECTED_STREAM_EXISTS,
  type FakeEventLog,
  type ProposedEvent,
} from "./fakeEventLog.ts";
import { parseUuid, sizeOnDisk, streamIdentifier, streamName, toProposedEvent } from "./fakeProtocol.ts";

/**
 * `Streams.BatchAppend`: one long-lived call carries many writes, each keyed by a correlation id.
 * Options open a write, `is_final` commits it, and each write gets one answer on the response stream;
 * failures travel as a `google.rpc.Status` whose details pack the `event_store.client` error.
 */

type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;
type Status = InstanceType<typeof statusPb.Status>;

const { BatchAppendReq: BatchRequest, BatchAppendResp: BatchResponse } = streamsPb;
const { Empty } = emptyPb;

interface PendingWrite {
  streamId: string;
  expected: number;
  events: ProposedEvent[];
  size: number;
}

export function batchAppendHandler(log: FakeEventLog, maxAppendSize: number) {
  return (call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
    const pending = new Map<string, PendingWrite>();
    call.on("data", (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      const answer = (
        streamId: string | undefined,
        result: Status | InstanceType<typeof BatchResponse.Success>,
      ) => {
        const response = new BatchResponse().setCorrelationId(correlationId);
        if (streamId !== undefined) response.setStreamIdentifier(streamIdentifier(streamId));
        call.write(
          result instanceof statusPb.Status ? response.setError(result) : response.setSuccess(result),
        );
      };
      const options = request.getOptions();
      try {
        const key = parseUuid(correlationId);
        if (options && !pending.has(key)) {
          pending.set(key, {
            streamId: streamName(options.getStreamIdentifier()),
            expected: expectedVersion(options),
            events: [],
            size: 0,
          });
        }
        const write = pending.get(key);
        if (!write) return;
        for (const message of request.getProposedMessagesList()) {
          const event = toProposedEvent(message);
          write.size += sizeOnDisk(event);
          write.events.push(event);
        }
        if (write.size > maxAppendSize) {
          pending.delete(key);
          const details = new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize);
          answer(
            write.streamId,
            status(
              grpc.status.INVALID_ARGUMENT,
              "Maximum Append Size Exceeded.",
              details,
              "MaximumAppendSizeExceeded",
            ),
          );
        }
        if (!request.getIsFinal() || !pending.delete(key)) return;
        const outcome = log.append(write.streamId, write.expected, write.events);
        answer(
          write.streamId,
          outcome.result === "wrong_expected_version"
            ? wrongExpectedVersion(outcome, write.expected)
            : success(outcome),
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const details = new sharedPb.BadRequest().setMessage(message);
        const streamId = options?.getStreamIdentifier()
          ? streamName(options.getStreamIdentifier())
          : undefined;
        answer(streamId, status(grpc.status.INVALID_ARGUMENT, message, details, "BadRequest"));
      }
    });
    call.on("end", () => call.end());
  };
}

function expectedVersion(options: InstanceType<typeof BatchRequest.Options>): number {
  const Case = BatchRequest.Options.ExpectedStreamPositionCase;
  switch (options.getExpectedStreamPositionCase()) {
    case Case.STREAM_POSITION:
      return Number(options.getStreamPosition());
    case Case.NO_STREAM:
      return EXPECTED_NO_STREAM;
    case Case.ANY:
      return EXPECTED_ANY;
    case Case.STREAM_EXISTS:
      return EXPECTED_STREAM_EXISTS;
    default:
      throw new Error(
        `'${options.getExpectedStreamPositionCase()}' is not a valid ExpectedStreamPositionOneofCase`,
      );
  }
}

function success(outcome: Extract<AppendOutcome, { position: number | null }>) {
  const result = new BatchResponse.Success();
  if (outcome.lastRevision < 0) result.setNoStream(new Empty());
  else result.setCurrentRevision(String(outcome.lastRevision));
  if (outcome.position === null) return result.setNoPosition(new Empty());
  const position = String(outcome.position);
  return result.setPosition(
    new sharedPb.AllStreamPosition().setCommitPosition(position).setPreparePosition(position),
  );
}

function wrongExpectedVersion(outcome: { currentVersion: number }, expected: number): Status {
  const details = new sharedPb.WrongExpectedVersion();
  if (outcome.currentVersion < 0) details.setCurrentNoStream(new Empty());
  else details.setCurrentStreamRevision(String(outcome.currentVersion));
  if (expected === EXPECTED_ANY) details.setExpectedAny(new Empty());
  else if (expected === EXPECTED_STREAM_EXISTS) details.setExpectedStreamExists(new Empty());
  else if (expected === EXPECTED_NO_STREAM) details.setExpectedNoStream(new Empty());
  else details.setExpectedStreamPosition(String(expected));
  return status(grpc.status.FAILED_PRECONDITION, "WrongExpectedVersion", details, "WrongExpectedVersion");
}

function status(
  code: grpc.status,
  message: string,
  details: { serializeBinary(): Uint8Array },
  type: string,
): Status {
  const any = new anyPb.Any();
  any.pack(details.serializeBinary(), `event_store.client.${type}`);
  return new statusPb.Status()
    .setCode(code as number)
    .setMessage(message)
    .setDetails(any);
}
