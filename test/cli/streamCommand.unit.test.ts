import { afterEach, describe, expect, it, vi } from "vitest";
import type { CliSystem } from "../../src/cli/program.ts";
import type { EventStore, RecordedEvent } from "../../src/ports/eventStore.ts";
import { cliSystem, runCli } from "../support/cliHarness.ts";

const stored = { id: "e1", type: "AgentCreated", revision: 0 } as unknown as RecordedEvent;

function system(streams: Record<string, RecordedEvent[]>): CliSystem {
  return cliSystem({
    streamRevision: async (id: string) => (streams[id] ? streams[id].length - 1 : null),
    readStream: async (id: string) => streams[id] ?? [],
  } as Partial<EventStore> as EventStore);
}

const run = (system: CliSystem, ...args: string[]) => runCli(system, "stream", ...args);

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
