import sharedPb from "@eventstore/db-client/generated/shared_pb.js";
import streamsPb from "@eventstore/db-client/generated/streams_pb.js";
import * as grpc from "@grpc/grpc-js";
import type { ProposedEvent, StoredRecord } from "./fakeEventLog.ts";

/** Converts between the wire messages of the Streams service and the fake log's records. */

const { ReadResp } = streamsPb;
const UUID_TEXT = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;
const U64_MAX = (1n << 64n) - 1n;

/** A gRPC error as the server sends it: status code, message and the `exception` trailers. */
export function rpcError(
  code: grpc.status,
  details: string,
  trailers: Record<string, string> = {},
): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(`${code} ${grpc.status[code]}: ${details}`), { code, details, metadata });
}

/** What ASP.NET answers when a handler throws an exception it does not map to a status. */
export const handlerException = (): grpc.ServiceError =>
  rpcError(grpc.status.UNKNOWN, "Exception was thrown by handler.");

export const maxAppendSizeExceeded = (maxAppendSize: number): grpc.ServiceError =>
  rpcError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: "maximum-append-size-exceeded",
    "maximum-append-size": String(maxAppendSize),
  });

export const requiredMetadataMissing = (property: string): grpc.ServiceError =>
  rpcError(grpc.status.INVALID_ARGUMENT, `Required Metadata Property '${property}' is missing`, {
    exception: "missing-required-metadata-property",
    "required-metadata-properties": "type,content-type",
  });

export function streamName(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  if (!identifier) throw handlerException();
  return Buffer.from(identifier.getStreamName_asU8()).toString("utf8");
}

export function streamIdentifier(name: string): InstanceType<typeof sharedPb.StreamIdentifier> {
  return new sharedPb.StreamIdentifier().setStreamName(Buffer.from(name, "utf8"));
}

/** A GUID from either wire form, in the lower-case form the server prints GUIDs in. */
export function parseUuid(uuid: InstanceType<typeof sharedPb.UUID> | undefined): string {
  let hex: string;
  if (uuid?.hasStructured()) {
    const structured = uuid.getStructured()!;
    const half = (bits: string) => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, "0");
    hex = half(structured.getMostSignificantBits()) + half(structured.getLeastSignificantBits());
  } else {
    const match = UUID_TEXT.exec(uuid?.getString() ?? "");
    if (!match) throw handlerException();
    hex = match.slice(1).join("");
  }
  hex = hex.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function formatUuid(id: string, structured: boolean): InstanceType<typeof sharedPb.UUID> {
  const uuid = new sharedPb.UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replaceAll("-", "");
  const signed = (part: string) => BigInt.asIntN(64, BigInt(`0x${part}`)).toString();
  return uuid.setStructured(
    new sharedPb.UUID.Structured()
      .setMostSignificantBits(signed(hex.slice(0, 16)))
      .setLeastSignificantBits(signed(hex.slice(16))),
  );
}

interface WireProposedMessage {
  getId(): InstanceType<typeof sharedPb.UUID> | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

/** A proposed message as `Append` and `BatchAppend` receive it; `type` and `content-type` are required. */
export function toProposedEvent(message: WireProposedMessage): ProposedEvent {
  const type = message.getMetadataMap().get("type");
  if (type === undefined) throw requiredMetadataMissing("type");
  const contentType = message.getMetadataMap().get("content-type");
  if (contentType === undefined) throw requiredMetadataMissing("content-type");
  return {
    id: parseUuid(message.getId()),
    type,
    contentType: contentType === "application/json" ? "application/json" : "application/octet-stream",
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

/** `Event.SizeOnDisk`: what counts against the maximum append size. */
export function sizeOnDisk(event: ProposedEvent): number {
  return event.data.length + event.metadata.length + 2 * event.type.length;
}

export function eventResponse(record: StoredRecord, structuredIds: boolean): InstanceType<typeof ReadResp> {
  const position = String(record.logPosition);
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(formatUuid(record.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(record.streamId))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(position)
    .setPreparePosition(position)
    .setData(record.data)
    .setCustomMetadata(record.metadata);
  recorded
    .getMetadataMap()
    .set("type", record.type)
    .set("created", String(record.created))
    .set("content-type", record.contentType);
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(position));
}

export const confirmationResponse = (subscriptionId: string) =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

export const checkpointResponse = (position: number) =>
  new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint().setCommitPosition(String(position)).setPreparePosition(String(position)),
  );

export const caughtUpResponse = () => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

export const streamNotFoundResponse = (name: string) =>
  new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)));

/** A uint64 from the wire; the server reads `ulong.MaxValue` as the end of a stream or of `$all`. */
export function parseU64(text: string): bigint {
  const value = BigInt(text);
  return value > U64_MAX ? U64_MAX : value;
}
