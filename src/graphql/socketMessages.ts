import type { WebSocket } from "ws";

const SERVER_MESSAGE_TYPES = new Set(["connection_ack", "next", "error"]);

/**
 * graphql-ws treats a message only a server may send (`next`, `connection_ack`…) as its own
 * internal error (4500); it is the client's mistake, so it is refused as one (4400) before it gets there.
 */
export function refuseServerMessages(ws: WebSocket): void {
  const emit = ws.emit.bind(ws) as (event: string, ...args: unknown[]) => boolean;
  (ws as { emit: typeof emit }).emit = (event, ...args) => {
    if (event === "message" && !isClientMessage(args[0])) {
      ws.close(4400, "Invalid message received");
      return true;
    }
    return emit(event, ...args);
  };
}

function isClientMessage(data: unknown): boolean {
  try {
    const message = JSON.parse(String(data)) as { type?: unknown } | null;
    // Anything else that is malformed, graphql-ws refuses with 4400 itself.
    return typeof message?.type !== "string" || !SERVER_MESSAGE_TYPES.has(message.type);
  } catch {
    return true;
  }
}
