import type { ExecutionArgs, GraphQLError } from "graphql";
import type { OperationResult } from "graphql-ws";
import type { WebSocket } from "ws";
import type { Viewer } from "./context.ts";
import { graphqlRuntime } from "./graphqlRuntime.ts";
import type { Viewers } from "./viewers.ts";

const MAX_TIMER_MS = 2 ** 31 - 1;

/** graphql-ws accepts refusals from onSubscribe only as instances of its own copy of GraphQLError. */
export function refusal(code: string, message: string): GraphQLError {
  return new graphqlRuntime.GraphQLError(message, { extensions: { code } });
}

export interface Connection {
  viewer: Viewer | null;
  requestId: string;
  controller: AbortController;
  expiry: NodeJS.Timeout | null;
  unwatchRole: (() => void) | undefined;
}

/** A signed-in socket closes with 4401 when its token expires, and an admin's follows a demotion. */
export function openConnection(
  viewer: Viewer | null,
  requestId: string,
  socket: WebSocket,
  viewers: Viewers,
): Connection {
  const controller = new AbortController();
  const expiresAt = viewer?.principal.expiresAt;
  const expiry = expiresAt
    ? setTimeout(
        () => socket.close(4401, "Unauthorized: the token expired; reconnect with a new one"),
        Math.min(MAX_TIMER_MS, Math.max(0, expiresAt.getTime() - Date.now())),
      )
    : null;
  const connection: Connection = { viewer, requestId, controller, expiry, unwatchRole: undefined };
  // Operations started later on this socket act with the role the person's newest token shows.
  if (viewer?.role === "admin")
    connection.unwatchRole = viewers.roleChanges.onDemoted(viewer.userId, () => {
      connection.viewer = { ...viewer, role: "user" };
    });
  return connection;
}

export interface Enveloped {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}
