import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultInitiationConfig } from "../../../src/application/life/initiationPolicy.ts";
import { schedulerTriggerHandler } from "../../../src/application/life/schedulerTrigger.ts";
import { START } from "../../../src/ports/eventStore.ts";
import { type CoreHarness, startCoreHarness } from "../../support/coreHarness.ts";
import { SimulatedClock } from "../../support/simulatedClock.ts";
import { lifeWorld } from "./lifeWorld.ts";

let harness: CoreHarness;
let world: ReturnType<typeof lifeWorld>;
const chatAt = new Date("2025-10-21T15:00:00Z");

beforeAll(async () => {
  harness = await startCoreHarness();
  world = lifeWorld(harness.store, {
    initiation: { ...defaultInitiationConfig, affinityThreshold: 5, chancePerCheck: 1 },
  });
  await world.createAgent(
    {
      agentId: "marcus",
      name: "Marcus Reed",
      identity: { homeCity: "New York", occupation: "barista", timezone: "America/New_York" },
      interests: ["jazz records"],
    },
    new Date("2025-10-01T00:00:00Z"),
  );
  await world.registerPerson(
    {
      userId: "sam",
      displayName: "Sam Carter",
      timezone: "Europe/London",
      quietHours: { start: "22:00", end: "07:00" },
    },
    new Date("2025-10-01T00:00:00Z"),
  );
  await world.exchange("sam", "marcus", chatAt, { mood: "joyful", intensity: 0.9 });
});

afterAll(async () => {
  await harness?.close();
});

async function eventCount(): Promise<number> {
  let count = 0;
  let after = START;
  for (;;) {
    const batch = await harness.store.readAll({ after, maxCount: 1000 });
    if (batch.length === 0) return count;
    count += batch.length;
    after = batch.at(-1)!.position;
  }
}

describe("LifeScheduler.tick", () => {
  it("writes an initiation and a mood fade once, however often the slot's tick runs", async () => {
    // 20:00Z: 16:00 in New York (the barista is off work), 21:00 in London (before quiet hours).
    const now = new Date("2025-10-21T20:00:00Z");
    const first = await world.scheduler.tick(now);
    expect(first).toMatchObject({ agents: 1, initiations: 1, moodShifts: 1, failures: 0 });
    const written = await eventCount();
    const again = await world.scheduler.tick(now);
    const sameSlot = await world.scheduler.tick(new Date("2025-10-21T20:07:00Z"));
    expect(await eventCount()).toBe(written);
    expect(again).toMatchObject({ lifeEvents: 0, initiations: 0, moodShifts: 0, baselineDrifts: 0 });
    expect(sameSlot).toMatchObject({ lifeEvents: 0, initiations: 0, moodShifts: 0, baselineDrifts: 0 });
    const [conversation] = await world.directory.conversationsWith("marcus");
    expect(conversation!.facts.initiationsSinceUserMessage).toBe(1);
    // 0.9 halves every six hours: five hours later it is 0.51.
    expect(conversation!.mood).toEqual({ mood: "joyful", intensity: 0.51 });
  });
});

describe("schedulerTriggerHandler", () => {
  let server: Server;
  let base: string;
  const clock = new SimulatedClock("2025-10-22T18:00:00Z");
  const routes = [
    schedulerTriggerHandler({ token: "cron-secret", tick: () => world.scheduler.tick(clock.now()) }),
    schedulerTriggerHandler({
      token: undefined,
      tick: async () => ({}),
      path: "/internal/unconfigured/tick",
    }),
  ];

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      for (const route of routes) if (await route(req, res)) return;
      res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (path: string, authorization?: string) =>
    fetch(`${base}${path}`, { method: "POST", headers: authorization ? { authorization } : {} });

  it("runs the tick for the right bearer token", async () => {
    const response = await post("/internal/scheduler/tick", "Bearer cron-secret");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      report: { at: "2025-10-22T18:00:00.000Z", agents: 1 },
    });
  });

  it("answers 401 without a token or with a wrong one", async () => {
    for (const authorization of [
      undefined,
      "Bearer nope",
      "Basic Y3Jvbi1zZWNyZXQ=",
      "Bearer cron-secret-and-more",
    ]) {
      const response = await post("/internal/scheduler/tick", authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });

  it("answers 404 when no CRON_TOKEN is configured, 405 for other methods, and leaves other paths alone", async () => {
    expect((await post("/internal/unconfigured/tick", "Bearer anything")).status).toBe(404);
    expect((await fetch(`${base}/internal/scheduler/tick`)).status).toBe(405);
    expect((await post("/graphql")).status).toBe(418);
  });
});
