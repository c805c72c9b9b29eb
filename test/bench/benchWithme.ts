import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config/config.ts";
import { type System, startWithme } from "../../src/main.ts";

/**
 * The whole system in a temporary data folder, as `npm start` runs it, with the offline engine
 * writing at once and nothing logged; `env` adds to or changes those settings.
 */
export async function benchWithme(
  name: string,
  env: Record<string, string>,
  overrides?: Parameters<typeof startWithme>[2],
): Promise<{ system: System; wsUrl: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `withme-bench-${name}-`));
  await chmod(dataDir, 0o755);
  const system = await startWithme(
    loadConfig(
      {
        WITHME_DATA_DIR: dataDir,
        PORT: "0",
        HOST: "127.0.0.1",
        WITHME_LOG_LEVEL: "silent",
        WITHME_OFFLINE_TOKEN_DELAY_MS: "0",
        ...env,
      },
      { envFile: false },
    ),
    undefined,
    overrides,
  );
  return {
    system,
    wsUrl: `${system.api!.url.replace("http", "ws")}/graphql`,
    stop: async () => {
      await system.lifecycle.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
