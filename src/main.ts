#!/usr/bin/env -S node --max-semi-space-size=64
import pg from "pg";
import { DatabaseUnavailableError } from "./adapters/postgres/postgresDatabase.ts";
import { buildCli, type Role } from "./cli/program.ts";
import { ToolFileError } from "./cli/toolFiles.ts";
import { describeAdapters } from "./composition/adapterTable.ts";
import { reembedConfiguredMemory } from "./composition/memoryReembedding.ts";
import { projectorDependencies, startRoles } from "./composition/roles.ts";
import { type Overrides, type System, startCore } from "./composition/system.ts";
import { type Config, ConfigError } from "./config/config.ts";
import { DomainError } from "./domain/shared/decider.ts";

export type { Role } from "./cli/program.ts";
export type { Overrides, Providers, System } from "./composition/system.ts";

export const ALL_ROLES: readonly Role[] = ["api", "projector", "worker"];

/**
 * withme with the given roles, composed as configuration says with `overrides` in place: the
 * command line starts it this way, and so do tests and benchmarks. Stop it with `system.lifecycle`.
 */
export async function startWithme(
  config: Config,
  roles: readonly Role[] = ALL_ROLES,
  overrides: Overrides = {},
): Promise<System> {
  const system = await startCore(config, { handleSignals: false, ...overrides });
  try {
    await startRoles(system, roles);
  } catch (error) {
    await system.lifecycle.stop();
    throw error;
  }
  return system;
}

if (import.meta.main) {
  const cli = buildCli({
    serve: async (config, roles) => {
      const system = await startWithme(config, roles, { handleSignals: true });
      if (process.stderr.isTTY && system.api) {
        const url = system.api.url.replace("127.0.0.1", "localhost");
        process.stderr.write(
          `\n  withme is running: chat ${url}/  ·  admin ${url}/admin (token "dev")  ·  GraphiQL ${url}/graphql\n\n`,
        );
      }
      await new Promise<void>((resolve) =>
        system.lifecycle.signal.addEventListener("abort", () => resolve()),
      );
    },
    // Tools print their own output on stdout; the core's info lines would only get in the way.
    open: async (config) => {
      const quiet = config.WITHME_LOG_LEVEL === "info" ? "warn" : config.WITHME_LOG_LEVEL;
      const system = await startCore({ ...config, WITHME_LOG_LEVEL: quiet });
      return {
        eventStore: system.eventStore,
        lifecycle: system.lifecycle,
        projector: projectorDependencies(system),
        ...(system.eventStore.name === "postgres"
          ? { encryptStoredEvents: system.privacy.encryptStoredEvents }
          : {}),
        reembedMemory: (run) => reembedConfiguredMemory(system, run),
        commands: system.commands,
        media: async () => (await system.providers()).media.storage,
      };
    },
    adapters: describeAdapters,
  });
  try {
    await cli.parseAsync(process.argv);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof DomainError ||
      error instanceof ToolFileError ||
      error instanceof pg.DatabaseError
    ) {
      console.error(`withme: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
