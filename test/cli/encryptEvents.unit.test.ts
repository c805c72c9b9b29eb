import { afterEach, describe, expect, it, vi } from "vitest";
import type { CliSystem } from "../../src/cli/program.ts";
import type { EventStore } from "../../src/ports/eventStore.ts";
import { cliSystem, runCli } from "../support/cliHarness.ts";

function system(name: string, encrypt?: CliSystem["encryptStoredEvents"]): CliSystem {
  return cliSystem({ name } as EventStore, encrypt ? { encryptStoredEvents: encrypt } : {});
}

const run = (system: CliSystem, ...args: string[]) => runCli(system, "encrypt-events", ...args);

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
