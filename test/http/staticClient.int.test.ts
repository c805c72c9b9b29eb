import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Router, requestTarget } from "../../src/http/router.ts";
import { addWebClientRoutes } from "../../src/http/staticClient.ts";
import { createLogger } from "../../src/observability/logger.ts";

let dist: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), "withme-dist-"));
  await mkdir(path.join(dist, "assets"));
  await writeFile(path.join(dist, "index.html"), "<!doctype html><title>withme</title>");
  await writeFile(path.join(dist, "assets", "app-1234.js"), "console.log(1)");
  const router = new Router();
  expect(await addWebClientRoutes(router, dist)).toBe(true);
  const logger = createLogger({ level: "silent" });
  server = createServer((request, response) => {
    const url = requestTarget(request.url)!;
    const { route } = router.match(request.method ?? "GET", url.pathname);
    if (!route) return void response.writeHead(404).end();
    void route.handler({
      request,
      response,
      url,
      requestId: "r",
      logger,
      signal: new AbortController().signal,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dist, { recursive: true, force: true });
});

describe("the web client's files", () => {
  it("may not be framed by another site, and send no full address along as the referrer", async () => {
    for (const target of ["/", "/admin", "/assets/app-1234.js"]) {
      const response = await fetch(`${base}${target}`);
      expect(response.status, target).toBe(200);
      expect(response.headers.get("x-frame-options"), target).toBe("DENY");
      expect(response.headers.get("content-security-policy"), target).toBe("frame-ancestors 'none'");
      expect(response.headers.get("referrer-policy"), target).toBe("same-origin");
    }
  });
});
