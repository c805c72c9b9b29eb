import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LocalPortraitRenderer } from "../../src/adapters/local/localPortraitRenderer.ts";
import type { ReplyComposer } from "../../src/application/engine/replyComposer.ts";
import { PersonaEngine } from "../../src/application/persona/personaEngine.ts";
import { offlineStrategies } from "../../src/application/strategies.ts";
import { loadConfig } from "../../src/config/config.ts";
import type { ApiServer } from "../../src/http/server.ts";
import { type System, startWithme } from "../../src/main.ts";
import type { Clock } from "../../src/ports/clock.ts";
import { ReplyModelError } from "../../src/ports/replyModel.ts";
import { createTestDatabase } from "../support/testDatabase.ts";
import { clientDist } from "./clientBuild.ts";

export interface ClientServer {
  url: string;
  system: System;
  api: ApiServer;
  /** Milliseconds between the offline engine's word pieces; replies stream visibly when above 0. */
  tokenDelay: { ms: number };
  /** How many of the next replies fail (retryably), as a provider outage would make them. */
  replyFailures: { count: number };
  close(): Promise<void>;
}

/**
 * withme in this process for the browser tests, every role on the offline providers, with the
 * built client at `/` and media at `/media`: a reply streams word by word and a granted selfie
 * is drawn by the local renderer. Only the typing pace and outages are the test's.
 */
export async function startClientServer(
  options: { env?: Record<string, string>; clock?: Clock } = {},
): Promise<ClientServer> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), "withme-client-e2e-"));
  const config = loadConfig(
    {
      DATABASE_URL: database.url,
      WITHME_DATA_DIR: dataDir,
      WITHME_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
      // Replies go out at once, whatever the hour in the agents' time zones when the suite runs.
      WITHME_ASLEEP_REPLIES: "drowsy",
      PORT: "0",
      HOST: "127.0.0.1",
      ...options.env,
    },
    { envFile: false },
  );
  const tokenDelay = { ms: 0 };
  const replyFailures = { count: 0 };
  const replies = failingSometimes(
    new PersonaEngine({
      tokenDelayMs: 1,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms * tokenDelay.ms)),
    }),
    replyFailures,
  );
  const system = await startWithme(config, ["api", "projector", "worker"], {
    ...(options.clock && { clock: options.clock }),
    providers: {
      strategies: { ...offlineStrategies(), replies },
      images: new LocalPortraitRenderer({ size: 256 }),
    },
    api: { rateLimit: { points: 1_000, windowSeconds: 10 }, clientDist },
    drainMs: 500,
  });
  return {
    url: system.api!.url,
    system,
    api: system.api!,
    tokenDelay,
    replyFailures,
    close: async () => {
      await system.lifecycle.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function failingSometimes(inner: ReplyComposer, failures: { count: number }): ReplyComposer {
  return {
    name: inner.name,
    describe: () => inner.describe(),
    compose: (request, signal) => {
      if (failures.count <= 0) return inner.compose(request, signal);
      failures.count -= 1;
      const failure = new ReplyModelError(
        "provider_error",
        "The model provider is not answering; try again.",
        {
          retryable: true,
        },
      );
      return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(failure) }) };
    },
  };
}
