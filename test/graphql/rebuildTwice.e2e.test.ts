import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_LEASE } from "../../projections/runner/runnerDependencies.ts";
import { eventually } from "../support/coreHarness.ts";
import { collect, gql, listening, startTestApi, type TestApi, wsClient } from "./apiHarness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await eventually(async () => {
    const result = await gql(api.url, `{ projections { status } }`, {}, "dev");
    return result.data?.projections.every((p: { status: string }) => p.status !== "new") || undefined;
  });
});
afterAll(async () => api?.close());

const REBUILD = `mutation($name: String!) { rebuildProjection(name: $name) { name started queued projection { name } } }`;
const rebuild = async (name: string) =>
  (await gql(api.url, REBUILD, { name }, "dev")).data!.rebuildProjection;

function switched(name: string) {
  const client = wsClient(api.wsUrl, "dev");
  const progress = collect(
    client,
    `subscription($name: String!) { projectionProgress(name: $name) { mode } }`,
    { name },
    (items) => items.some((i) => ["switched", "failed"].includes(i.projectionProgress.mode)),
  );
  return {
    modes: async () => (await progress.finished).map((i) => i.projectionProgress.mode as string),
    dispose: () => client.dispose(),
  };
}

describe("rebuildProjection asked again", () => {
  it("answers started: false for a rebuild under way, and queues another projection's behind it", async () => {
    const agents = switched("agents");
    const users = switched("users");
    await listening(api, "dev", 2);
    expect(await rebuild("agents")).toEqual({
      name: "agents",
      started: true,
      queued: false,
      projection: { name: "agents" },
    });
    expect(await rebuild("agents")).toMatchObject({ name: "agents", started: false, queued: false });
    expect(await rebuild("users")).toMatchObject({ name: "users", started: true, queued: true });
    expect((await agents.modes()).at(-1)).toBe("switched");
    expect((await users.modes()).at(-1)).toBe("switched");
    await Promise.all([agents.dispose(), users.dispose()]);
  });

  it("answers started: false while another process rebuilds that projection, and queues others", async () => {
    const lease = await api.system.leases.acquire(BUILD_LEASE);
    const pool = api.system.database.pool;
    await pool.query(
      "update projection_state set building_generation = live_generation + 1 where name = 'agents'",
    );
    try {
      expect(await rebuild("agents")).toMatchObject({ started: false, queued: false });
      await pool.query("update projection_state set building_generation = null where name = 'agents'");
      const users = switched("users");
      await listening(api, "dev");
      expect(await rebuild("users")).toMatchObject({ started: true, queued: true });
      await lease!.release();
      expect((await users.modes()).at(-1)).toBe("switched");
      await users.dispose();
    } finally {
      await lease!.release();
    }
  });
});
