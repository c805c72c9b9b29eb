import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedStarterAgents, starterAgents } from "../../../src/application/agents/starterAgents.ts";
import { CommandHandler } from "../../../src/application/commandHandler.ts";
import { EventLog } from "../../../src/application/eventLog.ts";
import { imageJobBasePortraitQueue } from "../../../src/application/images/basePortraits.ts";
import { availabilityAt } from "../../../src/domain/agent/availability.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { agentStreamId } from "../../../src/domain/streamIds.ts";
import { type CoreHarness, startCoreHarness } from "../../support/coreHarness.ts";
import { testContext } from "../../support/testCommands.ts";

describe("starter companions", () => {
  let h: CoreHarness;
  let commands: CommandHandler;
  const meta = () => ({ actor: "system:starter-agents", requestId: null, now: new Date() });
  beforeAll(async () => {
    h = await startCoreHarness();
    commands = new CommandHandler(new EventLog(h.store, catalogue));
  });
  afterAll(() => h?.close());

  it("are created once with their portraits queued, and an archived one stays archived", async () => {
    const deps = { commands, basePortraits: imageJobBasePortraitQueue(commands) };
    expect(await seedStarterAgents(deps, meta())).toEqual(["Mia", "Kenji", "Rosa"]);
    for (const starter of starterAgents) {
      const events = await h.store.readStream(agentStreamId(starter.agentId));
      expect(events.map((e) => e.type)).toEqual(["AgentCreated"]);
    }
    const portraits = (await h.store.readAll({ maxCount: 100 })).filter(
      (e) => e.type === "ImageJobRequested",
    );
    expect(portraits).toHaveLength(3);

    expect(await seedStarterAgents(deps, meta())).toEqual([]);
    const mia = starterAgents[0]!.agentId;
    await commands.handle(
      agentDecider,
      agentStreamId(mia),
      { type: "ArchiveAgent", agentId: mia, archivedBy: "admin", now: new Date().toISOString() },
      testContext(),
    );
    expect(await seedStarterAgents(deps, meta())).toEqual([]);
    expect((await commands.load(agentDecider, agentStreamId(mia))).state.status).toBe("archived");
  });

  it("live far enough apart that one of them is awake at any hour, summer or winter", () => {
    for (const day of ["2026-01-15", "2026-07-15", "2026-03-29", "2026-11-01"]) {
      for (let minute = 0; minute < 24 * 60; minute += 15) {
        const now = new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000);
        const awake = starterAgents.filter(
          (agent) =>
            availabilityAt({ identity: agent.identity, scenarios: [], affinity: 0, now }).status !== "asleep",
        );
        expect(awake.length, now.toISOString()).toBeGreaterThan(0);
      }
    }
  });
});
