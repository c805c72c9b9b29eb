import { describe, expect, it } from "vitest";
import { agentRow } from "../../../projections/agents/rows.ts";
import { userRow } from "../../../projections/users/rows.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { userDecider } from "../../../src/domain/user/decider.ts";
import { created } from "../agent/fixtures.ts";

/** Zones written before names were canonicalised keep their spelling in the log; reading gives the canonical name. */
describe("time zones stored in another spelling", () => {
  const oldProfile = {
    userId: "u1",
    displayName: "Ada",
    timezone: "europe/berlin",
    quietHours: null,
    doNotDisturb: false,
    updatedAt: "2025-05-02T10:30:00.000Z",
  };

  it("come out of the log canonical, so the person's state has the canonical zone", () => {
    const version = catalogue.currentVersion("UserProfileUpdated");
    const event = catalogue.parseStored("UserProfileUpdated", version, oldProfile);
    expect(event.data).toMatchObject({ timezone: "Europe/Berlin" });
    const state = userDecider.evolve(userDecider.initialState(), event as never);
    expect(state.profile.timezone).toBe("Europe/Berlin");
  });

  it("stored by a renamed zone's old name come out of the log by its IANA name", () => {
    const version = catalogue.currentVersion("UserProfileUpdated");
    const event = catalogue.parseStored("UserProfileUpdated", version, {
      ...oldProfile,
      timezone: "Asia/Calcutta",
    });
    expect(event.data).toMatchObject({ timezone: "Asia/Kolkata" });
    const identity = { ...created.data.identity, timezone: "Europe/Kiev" };
    const agent = catalogue.parseStored("AgentCreated", catalogue.currentVersion("AgentCreated"), {
      ...created.data,
      identity,
    });
    expect(agent.data).toMatchObject({ identity: { timezone: "Europe/Kyiv" } });
  });

  it("come out of the log canonical for an agent's identity", () => {
    const identity = { ...created.data.identity, timezone: "ASIA/TOKYO" };
    const version = catalogue.currentVersion("AgentCreated");
    const event = catalogue.parseStored("AgentCreated", version, { ...created.data, identity });
    expect(event.data).toMatchObject({ identity: { timezone: "Asia/Tokyo" } });
    const state = agentDecider.evolve(agentDecider.initialState(), event as never);
    expect(state.profile?.identity.timezone).toBe("Asia/Tokyo");
  });

  it("are read canonical from read-model rows written before", () => {
    const user = userRow.parse({
      id: "u1",
      subject: "dev:ada",
      provider: "dev",
      display_name: "Ada",
      role: "user",
      timezone: "europe/berlin",
      quiet_hours_start: null,
      quiet_hours_end: null,
      do_not_disturb: false,
      push_subscriptions: 0,
      registered_at: "2025-05-01T09:00:00.000Z",
      updated_at: "2025-05-01T09:00:00.000Z",
      revision: 1,
    });
    expect(user.timezone).toBe("Europe/Berlin");
    const identity = agentRow.shape.identity.parse({
      ...created.data.identity,
      timezone: "america/los_angeles",
    });
    expect(identity.timezone).toBe("America/Los_Angeles");
  });
});
