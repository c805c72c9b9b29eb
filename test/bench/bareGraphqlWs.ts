import http from "node:http";
import type { AddressInfo } from "node:net";
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { type Client, createClient } from "graphql-ws";
import { useServer as serveGraphQLOverWebSocket } from "graphql-ws/use/ws";
import WebSocket, { WebSocketServer } from "ws";
import { type ReplyDelta, topic } from "../../src/ports/liveBus.ts";
import { untilSubscribed } from "./support.ts";

/** Echoes travel as reply deltas whose reply id names who sent them. */
const echoes = (name: string) => topic<ReplyDelta>(name);
const echo = (who: string, text: string): ReplyDelta => ({
  kind: "reply.delta",
  payload: { replyId: who, text, index: 0 },
});

import { InProcessLiveBus } from "../../src/adapters/local/inProcessLiveBus.ts";

/** What a benchmark drives: the same shape for withme and for the bare graphql-ws baseline. */
export interface Target {
  /** Sends one message as subscriber `i` and resolves when the mutation has answered. */
  send(i: number, text: string): Promise<void>;
  /** Publishes a live message to subscriber `i`'s subscription. */
  publish(i: number, text: string): Promise<void>;
  subscribe(i: number, onEvent: (kind: "own" | "live", text: string) => void): void;
  /** Resolves once the server holds every subscription made so far open and listening. */
  subscribed(): Promise<void>;
  close(): Promise<void>;
}

export function wsClient(url: string, token?: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

export function mutate(c: Client, query: string, variables: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    c.subscribe(
      { query, variables },
      {
        next: (r) => (r.errors ? reject(new Error(r.errors[0]!.message)) : undefined),
        error: reject,
        complete: resolve,
      },
    );
  });
}

/** The baseline: a bare graphql-ws server whose mutation echoes onto the same kind of bus. */
/** Creates an agent over an admin's connection and gives back its id. */
export function createAgentOver(admin: Client, input: Record<string, unknown>): Promise<string> {
  let agentId = "";
  return new Promise<string>((resolve, reject) =>
    admin.subscribe(
      {
        query: `mutation($input: CreateAgentInput!) { createAgent(input: $input) { agentId } }`,
        variables: { input },
      },
      {
        next: (r) => {
          agentId = (r.data as { createAgent: { agentId: string } }).createAgent.agentId;
        },
        error: reject,
        complete: () => resolve(agentId),
      },
    ),
  );
}

/** A bare graphql-ws server: an echo mutation and a subscription to a topic of the bus. */
export async function startBareServer(): Promise<{
  url: string;
  bus: InProcessLiveBus;
  /** Subscriptions the server holds open. */
  open(): number;
  close(): Promise<void>;
}> {
  const bus = new InProcessLiveBus();
  let open = 0;
  // Counts without a generator around the bus's iterator, whose extra turns would slow the echo.
  const counted = <T>(iterable: AsyncIterable<T>): AsyncIterableIterator<T> => {
    const iterator = iterable[Symbol.asyncIterator]();
    let ended = false;
    open++;
    const end = () => {
      if (!ended) open--;
      ended = true;
    };
    return {
      next: () => iterator.next(),
      return: (value?: unknown) => {
        end();
        return iterator.return?.(value) ?? Promise.resolve({ done: true, value: undefined });
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };
  const topic = { type: new GraphQLNonNull(GraphQLString) };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: { ok: { type: GraphQLString, resolve: () => "ok" } },
    }),
    mutation: new GraphQLObjectType({
      name: "Mutation",
      fields: {
        echo: {
          type: GraphQLString,
          args: { topic, text: topic },
          resolve: async (_root, args: { topic: string; text: string }) => {
            await bus.publish(echoes(args.topic), echo("own", args.text));
            return args.text;
          },
        },
      },
    }),
    subscription: new GraphQLObjectType({
      name: "Subscription",
      fields: {
        echo: {
          type: new GraphQLObjectType({
            name: "Echo",
            fields: { kind: { type: GraphQLString }, text: { type: GraphQLString } },
          }),
          args: { topic },
          subscribe: (_root, args: { topic: string }) => counted(bus.subscribe(echoes(args.topic))),
          resolve: (message: ReplyDelta) => ({
            kind: message.payload.replyId,
            text: message.payload.text,
          }),
        },
      },
    }),
  });
  const server = http.createServer();
  const wss = new WebSocketServer({ server, path: "/graphql" });
  const disposable = serveGraphQLOverWebSocket({ schema }, wss);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    bus,
    open: () => open,
    close: async () => {
      await disposable.dispose();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function bareTarget(
  subscribers: number,
  topicOf: (i: number) => string = (i) => `t${i}`,
): Promise<Target & { bus: InProcessLiveBus }> {
  const { url, bus, open, close } = await startBareServer();
  const clients: Client[] = [];
  let subscriptions = 0;
  // A few dozen at a time: a thousand connections at once overflow the listen backlog.
  for (let i = 0; i < subscribers; i++) {
    const client = wsClient(url);
    clients.push(client);
    if (i % 50 === 49) await new Promise((resolve) => client.on("connected", resolve));
  }
  return {
    bus,
    send: (i, text) =>
      mutate(clients[i]!, `mutation($topic: String!, $text: String!) { echo(topic: $topic, text: $text) }`, {
        topic: topicOf(i),
        text,
      }),
    publish: (i, text) => bus.publish(echoes(topicOf(i)), echo("live", text)),
    subscribe: (i, onEvent) => {
      subscriptions++;
      clients[i]!.subscribe(
        {
          query: `subscription($topic: String!) { echo(topic: $topic) { kind text } }`,
          variables: { topic: topicOf(i) },
        },
        {
          next: (r) => {
            const e = (r.data as { echo: { kind: "own" | "live"; text: string } }).echo;
            onEvent(e.kind, e.text);
          },
          error: () => {},
          complete: () => {},
        },
      );
    },
    subscribed: () => untilSubscribed(open, subscriptions),
    close: async () => {
      await Promise.all(clients.map((c) => c.dispose()));
      await close();
    },
  };
}
