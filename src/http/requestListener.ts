import type http from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "../observability/logger.ts";
import type { ApiMetrics } from "../observability/metrics.ts";
import { requestIdFrom } from "../observability/requestId.ts";
import { type Router, requestTarget, sendJson } from "./router.ts";

const SKIP_INFO_LOG = new Set(["/health", "/ready", "/metrics"]);

interface ListenerDeps {
  logger: Logger;
  router: Router;
  metrics: ApiMetrics;
  /** Requests under way, aborted when the server stops. */
  active: Set<AbortController>;
}

/** Routes each request, logs and counts it, and turns whatever a handler throws into a 500. */
export function requestListener(
  deps: ListenerDeps,
): (request: http.IncomingMessage, response: http.ServerResponse) => void {
  const { logger, router, metrics, active } = deps;
  const serve = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const started = performance.now();
    const requestId = requestIdFrom(request.headers["x-request-id"]);
    response.setHeader("x-request-id", requestId);
    const log = logger.child({ requestId });
    const method = request.method ?? "GET";
    const url = requestTarget(request.url);
    const { route, allowed } = url ? router.match(method, url.pathname) : { route: null, allowed: [] };
    const controller = new AbortController();
    active.add(controller);
    response.on("close", () => {
      controller.abort();
      active.delete(controller);
      const seconds = (performance.now() - started) / 1000;
      const labels = { method: metricMethod(method), route: route?.name ?? "unmatched" };
      metrics.httpRequests.inc({ ...labels, status: String(response.statusCode) });
      metrics.httpDuration.observe(labels, seconds);
      const path = url?.pathname ?? "(unparseable)";
      const line = {
        method: labels.method,
        path,
        status: response.statusCode,
        ms: Math.round(seconds * 1000),
      };
      if (SKIP_INFO_LOG.has(path)) log.debug(line, "request");
      else log.info(line, "request");
    });
    if (!url) {
      sendJson(response, 400, { error: "The request target is not a path; ask for /graphql." });
      return;
    }
    void (async () => {
      try {
        if (route)
          await route.handler({ request, response, url, requestId, logger: log, signal: controller.signal });
        else if (allowed.length > 0) {
          response.setHeader("allow", allowed.join(", "));
          sendJson(response, 405, { error: `Use ${allowed.join(" or ")} here.` });
        } else sendJson(response, 404, { error: `Nothing at ${url.pathname}.` });
      } catch (error) {
        if (controller.signal.aborted) cutShort(response, log, error);
        else failed(response, log, error);
      }
    })();
  };
  return (request, response) => {
    try {
      serve(request, response);
    } catch (error) {
      failed(response, logger, error);
    }
  };
}

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Metric labels stay a small set whatever methods clients invent. */
const metricMethod = (method: string) => (KNOWN_METHODS.has(method) ? method : "OTHER");

/**
 * A handler that stopped because its request was aborted (the client went away, or the server is
 * stopping) did not fail: a browser leaving a page mid-query is no error to page anyone about.
 */
function cutShort(response: http.ServerResponse, log: Logger, error: unknown): void {
  log.debug({ err: error }, "request ended before its answer");
  if (!response.writableEnded) response.destroy();
}

/** Whatever a handler threw ends here: a 500 if nothing was sent yet, otherwise the socket closes. */
function failed(response: http.ServerResponse, log: Logger, error: unknown): void {
  log.error({ err: error }, "request failed");
  try {
    if (!response.headersSent) sendJson(response, 500, { error: "Something went wrong on our side." });
    else response.destroy();
  } catch {
    response.destroy();
  }
}

/** WebSocket upgrades reach GraphQL on /graphql only; anything else is refused on the raw socket. */
export function upgradeListener(
  webSocket: { handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void },
  logger: Logger,
): (request: http.IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    socket.on("error", () => socket.destroy());
    try {
      if (requestTarget(request.url)?.pathname === "/graphql") webSocket.handleUpgrade(request, socket, head);
      else refuseUpgrade(socket, 404, "Not Found");
    } catch (error) {
      logger.warn({ err: error }, "websocket upgrade refused");
      refuseUpgrade(socket, 400, "Bad Request");
    }
  };
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () =>
    socket.destroy(),
  );
}
