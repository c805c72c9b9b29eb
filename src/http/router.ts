import type http from "node:http";
import type { Logger } from "../observability/logger.ts";

export interface HttpContext {
  request: http.IncomingMessage;
  response: http.ServerResponse;
  url: URL;
  requestId: string;
  logger: Logger;
  /** Aborted when the client goes away or the server stops. */
  signal: AbortSignal;
}

export type Handler = (context: HttpContext) => Promise<void> | void;

interface Route {
  method: string;
  path: string;
  prefix: boolean;
  /** The label metrics use, so paths with ids do not explode the label set. */
  name: string;
  handler: Handler;
}

/** Exact paths and path prefixes (`/media/`) by method; the first match wins. */
export class Router {
  readonly #routes: Route[] = [];

  get(path: string, handler: Handler): this {
    return this.add("GET", path, handler);
  }

  post(path: string, handler: Handler): this {
    return this.add("POST", path, handler);
  }

  /** `method` "*" matches any method; a path ending in "/" matches everything under it. */
  add(method: string, path: string, handler: Handler): this {
    const prefix = path.endsWith("/") && path !== "/";
    this.#routes.push({ method, path, prefix, name: prefix ? `${path}*` : path, handler });
    return this;
  }

  match(method: string, pathname: string): { route: Route | null; allowed: string[] } {
    const candidates = this.#routes.filter((r) =>
      r.prefix ? pathname.startsWith(r.path) : pathname === r.path,
    );
    const route = candidates.find(
      (r) => r.method === "*" || r.method === method || (method === "HEAD" && r.method === "GET"),
    );
    return { route: route ?? null, allowed: [...new Set(candidates.map((r) => r.method))] };
  }
}

const FIXED_ORIGIN = "http://localhost";

/**
 * The request target's path and query on a fixed origin, or null when it is not a URL at all. The
 * Host header is never consulted: it is the client's to say anything in, and only paths route.
 */
export function requestTarget(raw: string | undefined): URL | null {
  const target = raw || "/";
  if (!target.startsWith("/") && !/^https?:\/\//i.test(target)) return null;
  const parsed = URL.parse(target, FIXED_ORIGIN);
  if (!parsed) return null;
  return URL.parse(`${parsed.pathname}${parsed.search}`, FIXED_ORIGIN);
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendText(
  response: http.ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  response.end(body);
}
