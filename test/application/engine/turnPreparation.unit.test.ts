import { describe, expect, it, vi } from "vitest";
import { InMemoryEventStore } from "../../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { defaultEngineSettings } from "../../../src/application/engine/engineDependencies.ts";
import { prepareTurn } from "../../../src/application/engine/turnPreparation.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { agentStreamId, userStreamId } from "../../../src/domain/streamIds.ts";
import { userDecider } from "../../../src/domain/user/decider.ts";
import { memoryNamespace, type VectorIndex } from "../../../src/ports/vectorIndex.ts";
import { createAgent, now } from "../../domain/agent/fixtures.ts";
import { eventually } from "../../support/coreHarness.ts";

const settings = defaultEngineSettings;
const context = (id: string) => ({
  commandId: id,
  actor: "admin",
  requestId: null,
  correlationId: id,
  causationId: null,
  now: new Date(now),
});

async function setUp() {
  const events = new EventLog(new InMemoryEventStore(), catalogue);
  // The turn's process: it has seen neither stream yet.
  const writer = new CommandHandler(events);
  await writer.handle(agentDecider, agentStreamId("a1"), createAgent, context("create"));
  await writer.handle(
    userDecider,
    userStreamId("u1"),
    { type: "RegisterUser", userId: "u1", subject: "dev:u1", displayName: "Ana", role: "user", now },
    context("register"),
  );
  const commands = new CommandHandler(events);
  const reads = vi.spyOn(events, "readStream");
  const warmUp = vi.fn(async () => {});
  const vectorIndex = { warmUp } as unknown as VectorIndex;
  return { deps: { commands, settings, vectorIndex }, reads, warmUp };
}

describe("prepareTurn", () => {
  it("reads the person and the agent and warms up their memories, so the turn finds them fresh", async () => {
    const { deps, reads, warmUp } = await setUp();
    prepareTurn(deps, "u1", "a1");
    expect(warmUp).toHaveBeenCalledWith(memoryNamespace("u1", "a1"), {
      freshWithinMs: settings.contextFreshMs,
    });
    await eventually(async () => reads.mock.calls.length === 2);
    const streams = reads.mock.calls.map(([streamId]) => streamId).sort();
    expect(streams).toEqual([agentStreamId("a1"), userStreamId("u1")].sort());
    const fresh = { freshWithinMs: settings.contextFreshMs };
    const { state } = await deps.commands.load(userDecider, userStreamId("u1"), fresh);
    expect(state.profile.displayName).toBe("Ana");
    await deps.commands.load(agentDecider, agentStreamId("a1"), fresh);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("never fails, whatever the reads meet", async () => {
    const { deps, reads } = await setUp();
    reads.mockRejectedValue(new Error("down"));
    expect(() => prepareTurn(deps, "u1", "a1")).not.toThrow();
    await eventually(async () => reads.mock.calls.length === 2);
  });
});
