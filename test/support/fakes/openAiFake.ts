import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A local stand-in for the OpenAI API on a random port. It serves `POST /v1/chat/completions`
 * (SSE streaming with `data: {…}` chunks and `data: [DONE]`, or one JSON body), answering each
 * request with the next scripted step, and any other routes handed in as `handlers` (the
 * embeddings handler, say), tried in order.
 */
export interface OpenAiFakeRouteHandler {
  /** Answers and returns true, or returns false (body unread) when the route is not its own. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
}

export type ChatScriptStep =
  | {
      kind: "reply";
      deltas: string[];
      finishReason?: string;
      /** Sent in a last chunk when the request asked for usage; null leaves it out. */
      usage?: { promptTokens: number; completionTokens: number } | null;
      refusal?: string;
      firstDeltaDelayMs?: number;
      deltaDelayMs?: number;
      /** Drops the connection after this many deltas, without finish reason or [DONE]. */
      cutAfter?: number;
    }
  | {
      kind: "error";
      status: number;
      message?: string;
      type?: string;
      code?: string;
      headers?: Record<string, string>;
    };

export interface ChatRequestRecord {
  authorization: string | undefined;
  body: Record<string, unknown>;
}

export interface OpenAiFakeOptions {
  apiKey?: string;
  handlers?: readonly OpenAiFakeRouteHandler[];
}

export interface OpenAiFake {
  /** Base URL for the SDK (`…/v1`). */
  url: string;
  apiKey: string;
  /** Every chat completions request received, oldest first. */
  requests: ChatRequestRecord[];
  /** Queues how the next requests are answered; with the queue empty the fake echoes the last user message. */
  script(...steps: ChatScriptStep[]): void;
  close(): Promise<void>;
}

export async function startOpenAiFake(options: OpenAiFakeOptions = {}): Promise<OpenAiFake> {
  const apiKey = options.apiKey ?? "sk-test";
  const requests: ChatRequestRecord[] = [];
  const queue: ChatScriptStep[] = [];
  const chat: OpenAiFakeRouteHandler = {
    async handle(request, response) {
      if (
        request.method !== "POST" ||
        new URL(request.url ?? "/", "http://fake").pathname !== "/v1/chat/completions"
      )
        return false;
      const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
      requests.push({ authorization: request.headers.authorization, body });
      if (request.headers.authorization !== `Bearer ${apiKey}`) {
        sendError(response, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        return true;
      }
      const step = queue.shift() ?? echo(body);
      if (step.kind === "error") {
        const { status, message = "The fake was told to fail.", type = "server_error", code, headers } = step;
        sendError(response, status, message, type, code ?? null, headers);
      } else if (body.stream === true) await streamReply(response, body, step);
      else await completeReply(response, body, step);
      return true;
    },
  };
  const handlers = [chat, ...(options.handlers ?? [])];
  const server = createServer((request, response) => {
    route(handlers, request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendError(response, 500, String(error), "server_error");
    });
  });
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    script: (...steps) => queue.push(...steps),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function route(
  handlers: readonly OpenAiFakeRouteHandler[],
  request: IncomingMessage,
  response: ServerResponse,
) {
  for (const handler of handlers) if (await handler.handle(request, response)) return;
  sendError(response, 404, `Unknown request URL: ${request.method} ${request.url}.`, "invalid_request_error");
}

function echo(body: Record<string, unknown>): ChatScriptStep {
  const messages = (body.messages ?? []) as { role: string; content: string }[];
  const last = messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  const jsonMode = (body.response_format as { type?: string } | undefined)?.type === "json_object";
  const text = jsonMode ? JSON.stringify({ echo: last }) : `You said: ${last}`;
  return { kind: "reply", deltas: text.match(/\s*\S+/g) ?? [text] };
}

type Body = Record<string, unknown>;
type Reply = Extract<ChatScriptStep, { kind: "reply" }>;

const envelope = (body: Body, object: string) => ({
  id: "chatcmpl-fake",
  object,
  created: Math.floor(Date.now() / 1000),
  model: String(body.model ?? "fake-model"),
});

/** Usage in the API's shape: scripted, estimated when not scripted, or none when scripted as null. */
function usageOf(body: Body, step: Reply) {
  const messages = (body.messages ?? []) as { content: string }[];
  const prompt = Math.ceil(messages.reduce((sum, m) => sum + String(m.content).length, 0) / 4);
  const usage =
    step.usage === undefined ? { promptTokens: prompt, completionTokens: step.deltas.length } : step.usage;
  if (!usage) return null;
  const { promptTokens, completionTokens } = usage;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

async function streamReply(response: ServerResponse, body: Body, step: Reply) {
  response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  response.flushHeaders();
  const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
  const choice = (delta: Body, finish: string | null = null) =>
    send({
      ...envelope(body, "chat.completion.chunk"),
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
  await pause(step.firstDeltaDelayMs);
  if (response.destroyed) return;
  choice({ role: "assistant", content: "" });
  if (step.refusal) choice({ refusal: step.refusal });
  for (const [index, delta] of step.deltas.entries()) {
    if (step.cutAfter !== undefined && index >= step.cutAfter) {
      // Let what was written reach the client first, as when a connection drops mid-reply.
      await new Promise((resolve) => response.write("", resolve));
      await pause(20);
      response.socket?.destroy();
      return;
    }
    if (index > 0) await pause(step.deltaDelayMs);
    if (response.destroyed) return;
    choice({ content: delta });
  }
  choice({}, step.finishReason ?? "stop");
  const usage = usageOf(body, step);
  if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage && usage)
    send({ ...envelope(body, "chat.completion.chunk"), choices: [], usage });
  response.end("data: [DONE]\n\n");
}

async function completeReply(response: ServerResponse, body: Body, step: Reply) {
  await pause(step.firstDeltaDelayMs);
  const content = step.refusal ? null : step.deltas.join("");
  const message = { role: "assistant", content, refusal: step.refusal ?? null };
  const choices = [{ index: 0, message, logprobs: null, finish_reason: step.finishReason ?? "stop" }];
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ ...envelope(body, "chat.completion"), choices, usage: usageOf(body, step) }));
}

function pause(ms: number | undefined): Promise<void> {
  return ms ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function sendError(
  response: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify({ error: { message, type, param: null, code } }));
}
