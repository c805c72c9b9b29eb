import pg from "pg";
import { createPool } from "slonik";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readState } from "../../projections/runner/generations.ts";
import { BUILD_LEASE, rebuildLease } from "../../projections/runner/runnerDependencies.ts";
import { usersProjection } from "../../projections/users/projection.ts";
import { PostgresLeases } from "../../src/adapters/postgres/postgresLeases.ts";
import { createProjectionAdmin, type ProjectionAdmin } from "../../src/graphql/projectionAdmin.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projections/projectionHarness.ts";
import { eventually } from "../support/coreHarness.ts";

/** Two API processes on one database: each with its own connections, leases and rebuilds. */
describe("rebuildProjection asked of two API processes at once", () => {
  let h: ProjectionHarness;
  const admins: ProjectionAdmin[] = [];
  const closers: (() => Promise<void>)[] = [];

  async function apiProcess(): Promise<ProjectionAdmin> {
    const raw = new pg.Pool({ connectionString: h.database.url, max: 4 });
    raw.on("error", () => {});
    const pool = await createPool(h.database.url, { maximumPoolSize: 4 });
    const leases = new PostgresLeases(h.database.url, raw, { retryMs: 50 });
    const admin = createProjectionAdmin({ ...h.deps, raw, pool, leases }, [usersProjection]);
    admins.push(admin);
    closers.push(async () => {
      await admin.stop();
      await pool.end();
      await raw.end();
    });
    return admin;
  }

  beforeAll(async () => {
    h = await startProjectionHarness([usersProjection]);
    await h.settle();
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await h?.close();
  });

  const state = async () => (await readState(h.pool, "users"))!;
  /** The rebuild has switched to generation `n` and let go of its claim on the projection. */
  const rebuiltTo = (n: number) =>
    eventually(async () => {
      const now = await state();
      return (
        now.live_generation === n &&
        now.building_generation === null &&
        !(await h.leases.isHeld(rebuildLease("users")))
      );
    }, 60_000);

  it("starts the rebuild in one of them; the other answers started: false, also while it waits", async () => {
    const [first, second] = [await apiProcess(), await apiProcess()];
    const { live_generation: before } = await state();
    // A rebuild elsewhere holds the build lease: the first request waits behind it, not yet building.
    const build = (await h.leases.acquire(BUILD_LEASE))!;
    try {
      expect(await first.rebuild("users", { dryRun: false })).toEqual({ started: true, queued: true });
      expect(await second.rebuild("users", { dryRun: false })).toEqual({ started: false, queued: false });
      expect(await first.rebuild("users", { dryRun: false })).toEqual({ started: false, queued: false });
    } finally {
      await build.release();
    }
    await rebuiltTo(before! + 1);

    // Asked of both at the same moment, exactly one starts it.
    const answers = await Promise.all([
      first.rebuild("users", { dryRun: false }),
      second.rebuild("users", { dryRun: false }),
    ]);
    expect(answers.filter((a) => a.started)).toHaveLength(1);
    await rebuiltTo(before! + 2);
    // Once that one is done, either process can start the next.
    expect(await second.rebuild("users", { dryRun: false })).toMatchObject({ started: true });
    await rebuiltTo(before! + 3);
    await Promise.all(admins.map((admin) => admin.stop()));
    expect((await state()).live_generation).toBe(before! + 3);
  }, 120_000);
});
