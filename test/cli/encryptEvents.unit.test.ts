import { afterEach, describe, expect, it, vi } from "vitest";
import { buildCli, type CliSystem } from "../../src/cli/program.ts";
import { createLogger } from "../../src/observability/logger.ts";
import type { EventStore } from "../../src/ports/eventStore.ts";
import { Lifecycle } from "../../src/runtime/lifecycle.ts";

function system(name: string, encrypt?: CliSystem["encryptStoredEvents"]): CliSystem {
  return {
    eventStore: { name } as EventStore,
    lifecycle: new Lifecycle(createLogger({ level: "silent" })),
    projector: {} as CliSystem["projector"],
    commands: {} as CliSystem["commands"],
    media: () => Promise.reject(new Error("no media in these tests")),
    ...(encrypt ? { encryptStoredEvents: encrypt } : {}),
  };
}

async function run(cliSystem: CliSystem, ...args: string[]): Promise<{ out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  const cli = buildCli({ serve: async () => {}, open: async () => cliSystem, adapters: () => [] });
  await cli.parseAsync(["node", "withme", "encrypt-events", ...args]);
  return { out: out.join("\n"), err: err.join("\n") };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("withme encrypt-events", () => {
  it("encrypts and reports what it did", async () => {
    const encrypt = vi.fn(async () => ({
      examined: 40,
      encrypted: 30,
      redacted: 2,
      fields: 35,
      people: 3,
      unattributed: 1,
      dryRun: false,
    }));
    const { out } = await run(system("postgres", encrypt), "--dry-run");
    expect(encrypt).toHaveBeenCalledWith(expect.objectContaining({ dryRun: true }));
    expect(out).toContain("events encrypted                      30 (35 plaintext fields, 3 people)");
    expect(out).toContain("events of erased people redacted      2");
    expect(out).toContain("left as they are: 1 personal events in streams that name no person");
    expect(process.exitCode).toBeUndefined();
  });

  it("says so when everything is already encrypted", async () => {
    const encrypt = async () => ({
      examined: 40,
      encrypted: 0,
      redacted: 0,
      fields: 0,
      people: 0,
      unattributed: 0,
      dryRun: false,
    });
    expect((await run(system("postgres", encrypt))).out).toContain(
      "every personal field is already encrypted",
    );
  });

  it("explains what EventStoreDB allows instead of pretending", async () => {
    const { err } = await run(system("eventstoredb"));
    expect(err).toContain("EventStoreDB never changes a stored event");
    expect(process.exitCode).toBe(1);
  });
});
