import { afterEach, describe, expect, it, vi } from "vitest";
import { buildCli, type CliSystem } from "../../src/cli/program.ts";
import { createLogger } from "../../src/observability/logger.ts";
import type { EventStore, RecordedEvent } from "../../src/ports/eventStore.ts";
import { Lifecycle } from "../../src/runtime/lifecycle.ts";

const stored = { id: "e1", type: "AgentCreated", revision: 0 } as unknown as RecordedEvent;

function system(streams: Record<string, RecordedEvent[]>): CliSystem {
  const eventStore = {
    streamRevision: async (id: string) => (streams[id] ? streams[id].length - 1 : null),
    readStream: async (id: string) => streams[id] ?? [],
  } as Partial<EventStore> as EventStore;
  return {
    eventStore,
    lifecycle: new Lifecycle(createLogger({ level: "silent" })),
    projector: {} as CliSystem["projector"],
    commands: {} as CliSystem["commands"],
    media: () => Promise.reject(new Error("no media in these tests")),
  };
}

async function run(cliSystem: CliSystem, ...args: string[]): Promise<{ out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  const cli = buildCli({ serve: async () => {}, open: async () => cliSystem, adapters: () => [] });
  await cli.parseAsync(["node", "withme", "stream", ...args]);
  return { out: out.join("\n"), err: err.join("\n") };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("withme stream", () => {
  it("prints a stream's events, one JSON line each", async () => {
    const { out, err } = await run(system({ "agent-1": [stored] }), "agent-1");
    expect(out).toBe(JSON.stringify(stored));
    expect(err).toBe("");
    expect(process.exitCode).toBeUndefined();
  });

  it("says there is no such stream and fails, rather than printing nothing", async () => {
    for (const args of [["agent-nobody"], ["agent-nobody", "--as-of", "3"]]) {
      const { out, err } = await run(system({ "agent-1": [stored] }), ...args);
      expect(out).toBe("");
      expect(err).toBe("withme: there is no stream agent-nobody");
      expect(process.exitCode).toBe(1);
      process.exitCode = undefined;
      vi.restoreAllMocks();
    }
  });
});
