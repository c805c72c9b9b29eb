import type http from "node:http";
import type { ExecutionArgs, GraphQLError } from "graphql";
import { useServer as serveGraphQLOverWebSocket } from "graphql-ws/use/ws";
import { type WebSocket, WebSocketServer } from "ws";
import type { Logger } from "../observability/logger.ts";
import type { ApiMetrics } from "../observability/metrics.ts";
import { requestIdFrom } from "../observability/requestId.ts";
import type { Viewer } from "./context.ts";
import { type PersistedOperations, persistedOperationId } from "./persistedOperations.ts";
import {
  addressOf,
  CONNECTION_INIT_WAIT_MS,
  SignedOutSockets,
  signedOutRefusal,
} from "./signedOutSockets.ts";
import { type Connection, type Enveloped, openConnection, refusal } from "./socketConnection.ts";
import { checkSocketDocument } from "./socketDocuments.ts";
import { socketError, socketResult } from "./socketErrors.ts";
import { refuseServerMessages } from "./socketMessages.ts";
import { coalesceSocketWrites } from "./socketWrites.ts";
import { type Viewers, wasErased } from "./viewers.ts";
import type { createWithmeYoga } from "./yoga.ts";

export const DEFAULT_MAX_SOCKETS_PER_PERSON = 20;
/**
 * How a socket of an erased person closes: 4403 like a refused sign-in, and a reason the web client
 * reads to tell the erasure from a refused token (it signs out then too, but says why and clears all).
 */
export const ACCOUNT_DELETED_CLOSE = [4403, "Forbidden: this account was deleted"] as const;

export interface WebSocketOptions {
  server: http.Server;
  yoga: ReturnType<typeof createWithmeYoga>;
  viewers: Viewers;
  logger: Logger;
  metrics: ApiMetrics;
  persisted: PersistedOperations;
  enforcePersisted: boolean;
  maxPayloadBytes: number;
  /** Bytes a connection may have waiting to be sent before it is closed as too slow. */
  maxBufferedBytes: number;
  /** How often each connection is pinged; one that has not answered by the next ping is dropped. */
  keepAliveMs: number;
  /** Connections one person may hold open at once; one more is closed with 4429. */
  maxSocketsPerPerson: number;
  /** Signed-out connections one address may hold at once; one more is closed with 4429. */
  maxSignedOutSocketsPerAddress: number;
}

/**
 * graphql-ws on `/graphql` beside yoga: the token comes in `connectionParams.authorization`, a bad
 * one closes the socket with 4403 (1013 when sign-ins cannot be checked now), and an expiring one
 * closes it with 4401 when it expires.
 * Operations run through yoga's envelop, so its plugins (limits, rate limits, masking) apply.
 * A client that leaves more than `maxBufferedBytes` unread is closed with 4413 (see socketWrites).
 * A person already holding `maxSocketsPerPerson` connections has one more closed with 4429: each
 * idle socket costs memory, and subscriptions alone are capped per person. A signed-out socket can
 * run only what needs no sign-in (every subscription needs one), so an address may hold at most
 * `maxSignedOutSocketsPerAddress` of them; one more is closed with 4429 too. A socket that never
 * sends `connection_init` is closed with 4408 after `CONNECTION_INIT_WAIT_MS` (see signedOutSockets).
 */
export function attachGraphQLWebSocket(options: WebSocketOptions) {
  const { yoga, viewers, logger, metrics } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayloadBytes });
  const connections = new WeakMap<object, Connection>();
  const socketsOf = new Map<string, Set<WebSocket>>();
  const signedOut = new SignedOutSockets(options.maxSignedOutSocketsPerAddress);
  const server = serveGraphQLOverWebSocket<Record<string, unknown>, { connection?: Connection }>(
    {
      connectionInitWaitTimeout: CONNECTION_INIT_WAIT_MS,
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onNext: (_ctx, _id, _payload, _args, result) => socketResult(result),
      onError: (_ctx, _id, _payload, errors) => errors.map(socketError),
      onConnect: async (ctx) => {
        const requestId = requestIdFrom(ctx.extra.request.headers["x-request-id"]);
        let viewer: Viewer | null;
        try {
          viewer = await viewers.fromAuthorization(ctx.connectionParams?.authorization, requestId);
        } catch (error) {
          const unavailable = (error as GraphQLError).extensions?.code === "SERVICE_UNAVAILABLE";
          logger.info(
            { requestId, reason: (error as Error).message },
            unavailable
              ? "websocket refused: sign-ins cannot be checked now"
              : "websocket refused: credentials did not verify",
          );
          // 1013, try again later: the client reconnects rather than signing the person out.
          if (unavailable) ctx.extra.socket.close(1013, "Sign-ins cannot be checked right now; try again");
          return false;
        }
        if (viewer && (socketsOf.get(viewer.userId)?.size ?? 0) >= options.maxSocketsPerPerson) {
          logger.info(
            { requestId, maxSocketsPerPerson: options.maxSocketsPerPerson },
            "websocket refused: too many connections for one person",
          );
          ctx.extra.socket.close(
            4429,
            `Too many connections: at most ${options.maxSocketsPerPerson} per person; close one first`,
          );
          return false;
        }
        if (!viewer && !signedOut.admit(addressOf(ctx.extra.request), ctx.extra.socket)) {
          logger.info(
            { requestId, max: signedOut.max },
            "websocket refused: too many signed out from one address",
          );
          ctx.extra.socket.close(...signedOutRefusal(signedOut.max));
          return false;
        }
        const connection = openConnection(viewer, requestId, ctx.extra.socket, viewers);
        connections.set(ctx, connection);
        if (viewer)
          socketsOf.set(viewer.userId, (socketsOf.get(viewer.userId) ?? new Set()).add(ctx.extra.socket));
        metrics.activeSubscriptions.inc({ transport: "websocket-connection" });
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx);
        if (!connection) return;
        connection.controller.abort();
        if (connection.expiry) clearTimeout(connection.expiry);
        connection.unwatchRole?.();
        if (connection.viewer) {
          const sockets = socketsOf.get(connection.viewer.userId);
          sockets?.delete(ctx.extra.socket);
          if (sockets?.size === 0) socketsOf.delete(connection.viewer.userId);
        }
        metrics.activeSubscriptions.dec({ transport: "websocket-connection" });
      },
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const connection = connections.get(ctx)!;
        if (await wasErased(viewers, connection.viewer)) {
          ctx.extra.socket.close(...ACCOUNT_DELETED_CLOSE);
          return [refusal("UNAUTHENTICATED", "This account was deleted and its data erased.")];
        }
        const hash = persistedOperationId(payload);
        const query = hash ? options.persisted.get(hash) : payload.query;
        if (!query)
          return [
            refusal(
              "PERSISTED_QUERY_NOT_FOUND",
              "This persisted operation is not known here; send the full document.",
            ),
          ];
        if (!hash && options.enforcePersisted && connection.viewer?.role !== "admin")
          return [
            refusal(
              "FORBIDDEN",
              "This server runs only the web client's own operations; send a persisted operation id.",
            ),
          ];
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: { ...payload, query },
          withme: {
            requestId: connection.requestId,
            signal: connection.controller.signal,
            viewer: connection.viewer,
            connection,
          },
        });
        const checked = checkSocketDocument({ schema, parse, validate }, query, payload.operationName);
        if ("errors" in checked) return checked.errors;
        return {
          schema,
          document: checked.document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } as Enveloped,
        };
      },
    },
    wss,
    options.keepAliveMs,
  );
  return {
    /** Takes over HTTP upgrades on the GraphQL path. */
    handleUpgrade(request: http.IncomingMessage, socket: import("node:stream").Duplex, head: Buffer): void {
      wss.handleUpgrade(request, socket, head, (ws) => {
        refuseServerMessages(ws);
        coalesceSocketWrites(ws, {
          maxBufferedBytes: options.maxBufferedBytes,
          onOverflow: (bufferedBytes) => {
            metrics.slowSocketCloses.inc();
            logger.warn(
              {
                requestId: requestIdFrom(request.headers["x-request-id"]),
                bufferedBytes,
                maxBufferedBytes: options.maxBufferedBytes,
              },
              "websocket closed: the client did not read what it was sent",
            );
          },
        });
        wss.emit("connection", ws, request);
      });
    },
    /** Closes the person's sockets with 4403, as for a refused sign-in: they were erased. */
    closeSocketsOf(userId: string): void {
      for (const socket of socketsOf.get(userId) ?? []) socket.close(...ACCOUNT_DELETED_CLOSE);
    },
    /** Closes every socket with 1012 (service restart): clients reconnect to another instance. */
    async close(): Promise<void> {
      for (const client of wss.clients) client.close(1012, "Server restarting; reconnect");
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
