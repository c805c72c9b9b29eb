import WebSocket from "ws";
import type { Rng } from "../../projections/workload/random.ts";

export interface SocketOutcome {
  /** The close code when the server closed the connection, null when it answered the final ping. */
  closeCode: number | null;
  /** `extensions.code` of every error the server sent on the way. */
  errorCodes: unknown[];
}

const DOCUMENTS = [
  "subscription($agentId: ID!) { conversationEvents(agentId: $agentId) { __typename } }",
  "subscription($id: ID!) { imageJobUpdated(id: $id) { id } }",
  "{ me { id } }",
  "subscription { conversationEvents { __typename } }",
  "subscription {",
  "",
];

/** A sequence of graphql-transport-ws messages, some of them broken, ending in a ping. */
export function socketMessages(rng: Rng, token: string): (string | Buffer)[] {
  const messages: (string | Buffer)[] = [];
  if (rng.chance(0.85))
    messages.push(
      JSON.stringify({
        type: "connection_init",
        payload: rng.pick([{ authorization: `Bearer ${token}` }, {}, null, "x", { authorization: 42 }]),
      }),
    );
  for (let i = rng.int(6); i > 0; i--) {
    const id = rng.pick(["1", "1", "2", "", "x".repeat(300)]);
    messages.push(
      rng.pick<() => string | Buffer>([
        () =>
          JSON.stringify({
            id,
            type: "subscribe",
            payload: {
              query: rng.pick(DOCUMENTS),
              variables: rng.pick([
                { agentId: "nobody" },
                { agentId: { a: 1 } },
                { agentId: "a\u0000b" },
                { id: "\ud800" },
                {},
                null,
                "x",
              ]),
            },
          }),
        () => JSON.stringify({ id, type: "subscribe", payload: rng.pick([null, {}, "q", { query: 1 }]) }),
        () => JSON.stringify({ id, type: "complete" }),
        () => JSON.stringify({ type: rng.pick(["next", "error", "connection_ack", "pong", "unknown"]) }),
        () => "not json",
        () => "{",
        () => JSON.stringify([1, 2, 3]),
        () => Buffer.from([0, 1, 2, 255]),
      ])(),
    );
  }
  messages.push(JSON.stringify({ type: "ping" }));
  return messages;
}

/** Opens a socket, sends the messages, and waits for the pong to the last one or for the close. */
export function runSocketCase(wsUrl: string, messages: (string | Buffer)[]): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, "graphql-transport-ws");
    const errorCodes: unknown[] = [];
    let done = false;
    const finish = (closeCode: number | null) => {
      if (done) return;
      done = true;
      socket.terminate();
      resolve({ closeCode, errorCodes });
    };
    socket.on("open", () => {
      for (const message of messages) socket.send(message);
    });
    socket.on("message", (data) => {
      let message: { type?: string; payload?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      const errors =
        message.type === "error"
          ? (message.payload as { extensions?: { code?: unknown } }[])
          : message.type === "next"
            ? ((message.payload as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? [])
            : [];
      for (const error of errors) errorCodes.push(error.extensions?.code);
      if (message.type === "pong") finish(null);
    });
    socket.on("unexpected-response", (_request, response) => finish(response.statusCode ?? 0));
    socket.on("error", () => finish(-1));
    socket.on("close", (code) => finish(code));
  });
}
