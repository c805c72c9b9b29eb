import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { requestListener } from "../../src/http/requestListener.ts";
import { Router } from "../../src/http/router.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { createApiMetrics } from "../../src/observability/metrics.ts";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** A server whose one route waits for its request to be aborted, then throws as GraphQL does. */
async function serverLogging(
  lines: { level: number; msg: string }[],
): Promise<{ port: number; handling: () => boolean }> {
  let handling = false;
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  const router = new Router().post("/graphql", ({ signal }) => {
    handling = true;
    return new Promise<void>((_, reject) => {
      signal.addEventListener("abort", () =>
        reject(new DOMException("This operation was aborted", "AbortError")),
      );
    });
  });
  const metrics = createApiMetrics({});
  const server = http.createServer(requestListener({ logger, router, metrics, active: new Set() }));
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  return { port: (server.address() as AddressInfo).port, handling: () => handling };
}

describe("a request the client abandons", () => {
  it("is not logged as a failure when its handler stops on the abort", async () => {
    const lines: { level: number; msg: string }[] = [];
    const { port, handling } = await serverLogging(lines);
    const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/graphql" });
    request.on("error", () => {});
    request.end("{}");
    await expect.poll(handling).toBe(true);
    request.destroy();
    await expect
      .poll(() => lines.find((line) => /request failed|before its answer/.test(line.msg)))
      .toBeDefined();
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
