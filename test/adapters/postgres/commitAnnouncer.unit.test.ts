import type pg from "pg";
import { describe, expect, it } from "vitest";
import { CommitAnnouncer } from "../../../src/adapters/postgres/commitAnnouncer.ts";
import { eventually } from "../../support/coreHarness.ts";

/** A pool whose queries stay pending until the test settles them, one by one. */
function pendingPool() {
  const sent: { text: string; values: unknown[]; settle(error?: Error): void }[] = [];
  const pool = {
    query: (config: { text: string; values: unknown[] }) =>
      new Promise<void>((resolve, reject) => {
        sent.push({ ...config, settle: (error) => (error ? reject(error) : resolve()) });
      }),
  };
  return { pool: pool as unknown as pg.Pool, sent };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("CommitAnnouncer", () => {
  it("sends a NOTIFY on the channel for a commit", async () => {
    const { pool, sent } = pendingPool();
    const announcer = new CommitAnnouncer(pool, "withme_events", "sender-1");
    announcer.announce();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain("pg_notify($1, $2)");
    expect(sent[0]?.values).toEqual(["withme_events", "sender-1"]);
    sent[0]!.settle();
    await announcer.close();
  });

  it("covers the commits made while a NOTIFY is on its way with one more, sent after it", async () => {
    const { pool, sent } = pendingPool();
    const announcer = new CommitAnnouncer(pool, "withme_events");
    announcer.announce();
    announcer.announce();
    announcer.announce();
    expect(sent).toHaveLength(1);
    sent[0]!.settle();
    await settled();
    expect(sent).toHaveLength(2);
    sent[1]!.settle();
    await settled();
    // Nothing was committed after the second was sent: no third; a later commit gets its own.
    announcer.announce();
    expect(sent).toHaveLength(3);
    sent[2]!.settle();
    await announcer.close();
  });

  it("keeps announcing after a NOTIFY fails", async () => {
    const { pool, sent } = pendingPool();
    const announcer = new CommitAnnouncer(pool, "withme_events");
    announcer.announce();
    announcer.announce();
    sent[0]!.settle(new Error("connection lost"));
    await settled();
    expect(sent).toHaveLength(2);
    sent[1]!.settle();
    await settled();
    announcer.announce();
    expect(sent).toHaveLength(3);
    sent[2]!.settle();
    await announcer.close();
  });

  it("waits on close for the NOTIFY on its way, and sends none after", async () => {
    const { pool, sent } = pendingPool();
    const announcer = new CommitAnnouncer(pool, "withme_events");
    announcer.announce();
    announcer.announce();
    let closed = false;
    const closing = announcer.close().then(() => {
      closed = true;
    });
    await settled();
    expect(closed).toBe(false);
    sent[0]!.settle();
    await closing;
    announcer.announce();
    expect(sent).toHaveLength(1);
  });

  it("lets a burst of appends share one NOTIFY, sent once no append of the process is under way", async () => {
    const { pool, sent } = pendingPool();
    let appending = true;
    // Longer than any stall of a busy machine: here only the appends under way hold it back.
    const announcer = new CommitAnnouncer(pool, "withme_events", "", {
      appending: () => appending,
      maxDeferMs: 60_000,
    });
    announcer.announce();
    await settled();
    announcer.announce();
    await settled();
    expect(sent).toHaveLength(0);
    appending = false;
    announcer.announce();
    await settled();
    expect(sent).toHaveLength(1);
    sent[0]!.settle();
    await settled();
    expect(sent).toHaveLength(1);
    await announcer.close();
  });

  it("announces a commit while appends keep coming, once it has waited the longest it may", async () => {
    const { pool, sent } = pendingPool();
    const announcer = new CommitAnnouncer(pool, "withme_events", "", {
      appending: () => true,
      // Long enough that a busy machine does not reach it before the first check.
      maxDeferMs: 500,
    });
    announcer.announce();
    await settled();
    expect(sent).toHaveLength(0);
    await eventually(async () => sent.length === 1, 10_000);
    sent[0]!.settle();
    await announcer.close();
    expect(sent).toHaveLength(1);
  });

  it("sends on close the announcement it was holding back", async () => {
    const { pool, sent } = pendingPool();
    const announcer = new CommitAnnouncer(pool, "withme_events", "", {
      appending: () => true,
      maxDeferMs: 60_000,
    });
    announcer.announce();
    await settled();
    expect(sent).toHaveLength(0);
    const closing = announcer.close();
    expect(sent).toHaveLength(1);
    sent[0]!.settle();
    await closing;
  });
});
