import { vi } from "vitest";
import { buildCli, type CliSystem } from "../../src/cli/program.ts";
import { createLogger } from "../../src/observability/logger.ts";
import type { EventStore } from "../../src/ports/eventStore.ts";
import { Lifecycle } from "../../src/runtime/lifecycle.ts";

/** A CLI system around the given event store, with the parts a command under test does not use left empty. */
export function cliSystem(eventStore: EventStore, extra: Partial<CliSystem> = {}): CliSystem {
  return {
    eventStore,
    lifecycle: new Lifecycle(createLogger({ level: "silent" })),
    projector: {} as CliSystem["projector"],
    commands: {} as CliSystem["commands"],
    media: () => Promise.reject(new Error("no media in these tests")),
    ...extra,
  };
}

/** Runs `withme <args>` against a system and returns what it printed; restore mocks after each test. */
export async function runCli(system: CliSystem, ...args: string[]): Promise<{ out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  const cli = buildCli({ serve: async () => {}, open: async () => system, adapters: () => [] });
  await cli.parseAsync(["node", "withme", ...args]);
  return { out: out.join("\n"), err: err.join("\n") };
}
