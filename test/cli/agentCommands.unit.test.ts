import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { EventLog } from "../../src/application/eventLog.ts";
import { agentDecider } from "../../src/domain/agent/decider.ts";
import { catalogue } from "../../src/domain/catalogue.ts";
import { agentStreamId } from "../../src/domain/streamIds.ts";
import { createAgent } from "../domain/agent/fixtures.ts";
import { cliSystem, runCli } from "../support/cliHarness.ts";
import { testContext } from "../support/testCommands.ts";

const store = new InMemoryEventStore();
const commands = new CommandHandler(new EventLog(store, catalogue));
const run = (...args: string[]) => runCli(cliSystem(store, { commands }), "agents", "archive", ...args);

async function newAgent(): Promise<string> {
  const agentId = randomUUID();
  await commands.handle(agentDecider, agentStreamId(agentId), { ...createAgent, agentId }, testContext());
  return agentId;
}

const archivings = async (agentId: string) =>
  (await store.readStream(agentStreamId(agentId))).filter((e) => e.type === "AgentArchived");

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("withme agents archive", () => {
  it("archives the agent with the reason given, and run again says so and writes nothing", async () => {
    const agentId = await newAgent();
    expect((await run(agentId, "--reason", "Retired character")).out).toBe(`archived agent ${agentId}`);
    vi.restoreAllMocks();
    expect((await run(agentId)).out).toBe(`agent ${agentId} was archived already`);
    const stored = await archivings(agentId);
    expect(stored.map((e) => e.data)).toEqual([
      expect.objectContaining({ archivedBy: "system:cli", reason: "Retired character" }),
    ]);
    expect(process.exitCode).toBeUndefined();
  });

  it("fails with the reason for an unknown agent", async () => {
    const { out, err } = await run(randomUUID());
    expect(out).toBe("");
    expect(err).toBe("withme: No such agent; check the agent id.");
    expect(process.exitCode).toBe(1);
  });
});

describe("withme agents unarchive", () => {
  const unarchive = (...args: string[]) =>
    runCli(cliSystem(store, { commands }), "agents", "unarchive", ...args);

  it("brings an archived agent back, and run again says so and writes nothing", async () => {
    const agentId = await newAgent();
    await run(agentId);
    vi.restoreAllMocks();
    expect((await unarchive(agentId)).out).toBe(`unarchived agent ${agentId}`);
    vi.restoreAllMocks();
    expect((await unarchive(agentId)).out).toBe(`agent ${agentId} was not archived`);
    const stored = (await store.readStream(agentStreamId(agentId))).filter(
      (e) => e.type === "AgentUnarchived",
    );
    expect(stored.map((e) => e.data)).toEqual([expect.objectContaining({ unarchivedBy: "system:cli" })]);
    expect(process.exitCode).toBeUndefined();
  });

  it("fails with the reason for an unknown agent", async () => {
    const { out, err } = await unarchive(randomUUID());
    expect(out).toBe("");
    expect(err).toBe("withme: No such agent; check the agent id.");
    expect(process.exitCode).toBe(1);
  });
});
