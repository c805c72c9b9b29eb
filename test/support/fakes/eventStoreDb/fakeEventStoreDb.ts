import { randomUUID } from "node:crypto";
import serverFeaturesGrpc from "@eventstore/db-client/generated/serverfeatures_grpc_pb.js";
import serverFeaturesPb from "@eventstore/db-client/generated/serverfeatures_pb.js";
import streamsGrpc from "@eventstore/db-client/generated/streams_grpc_pb.js";
import * as grpc from "@grpc/grpc-js";
import { appendHandler } from "./fakeAppends.ts";
import { batchAppendHandler } from "./fakeBatchAppend.ts";
import { EXPECTED_ANY, FakeEventLog } from "./fakeEventLog.ts";
import { readHandler } from "./fakeReads.ts";

/**
 * A single EventStoreDB node in memory, speaking the real gRPC protocol on localhost (insecure),
 * so the real `@eventstore/db-client` can be pointed at it with `esdb://127.0.0.1:<port>?tls=false`.
 * It serves `ServerFeatures.GetSupportedMethods` and the `Streams` service (Read, Append, and
 * BatchAppend when advertised). A single-node connection string never calls Gossip.
 */

export interface FakeEventStoreDbOptions {
  /** Advertise and serve `BatchAppend`, as real nodes since 21.10 do (the client then appends through it). */
  batchAppend?: boolean;
  /** The node's `MaxAppendSize` (1 MiB by default on a real node). */
  maxAppendSize?: number;
}

export interface FakeEventStoreDb {
  readonly url: string;
  readonly log: FakeEventLog;
  /** Writes an event the way the node writes its own (`$`-prefixed stream and type). */
  writeSystemEvent(streamId: string, type: string): void;
  close(): Promise<void>;
}

const SERVER_VERSION = "24.10.0";

export async function startFakeEventStoreDb(
  options: FakeEventStoreDbOptions = {},
): Promise<FakeEventStoreDb> {
  const maxAppendSize = options.maxAppendSize ?? 1_048_576;
  const log = new FakeEventLog();
  const writeSystemEvent = (streamId: string, type: string) => {
    const data = Buffer.from(JSON.stringify({ at: new Date().toISOString() }));
    log.append(streamId, EXPECTED_ANY, [
      { id: randomUUID(), type, contentType: "application/json", data, metadata: new Uint8Array() },
    ]);
  };
  // What a fresh node has written before any client connects.
  writeSystemEvent("$epoch-information", "$epoch-information");
  writeSystemEvent("$$$scavenges", "$metadata");
  writeSystemEvent("$$$stats-127.0.0.1:2113", "$metadata");

  const server = new grpc.Server();
  server.addService(streamsGrpc.StreamsService, {
    read: readHandler(log),
    append: appendHandler(log, maxAppendSize),
    ...(options.batchAppend ? { batchAppend: batchAppendHandler(log, maxAppendSize) } : {}),
  });
  server.addService(serverFeaturesGrpc.ServerFeaturesService, {
    getSupportedMethods: (
      _call: grpc.ServerUnaryCall<unknown, unknown>,
      callback: grpc.sendUnaryData<InstanceType<typeof serverFeaturesPb.SupportedMethods>>,
    ) => callback(null, supportedMethods(options.batchAppend === true)),
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    writeSystemEvent,
    close: async () => {
      server.forceShutdown();
    },
  };
}

/** The node lists its gRPC methods in lower case, with the features of the read and batch methods. */
function supportedMethods(batchAppend: boolean) {
  const { SupportedMethod, SupportedMethods } = serverFeaturesPb;
  const method = (service: string, name: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
  const streams = "event_store.client.streams.streams";
  const methods = [
    method(streams, "read", ["position", "events"]),
    method(streams, "append"),
    ...(batchAppend ? [method(streams, "batchappend", ["deadline_duration"])] : []),
    method("event_store.client.server_features.serverfeatures", "getsupportedmethods"),
  ];
  return new SupportedMethods().setEventStoreServerVersion(SERVER_VERSION).setMethodsList(methods);
}
