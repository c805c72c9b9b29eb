import { listAllAgentIdsOfUser } from "../../projections/conversations/queries.ts";
import { listImageJobIdsOfUser, listImageUrlsOnlyOfUser } from "../../projections/image_jobs/queries.ts";
import { listDueAccountDeletions } from "../../projections/users/queries.ts";
import { runScheduler } from "../application/life/runScheduler.ts";
import type { AccountPrivacy } from "../application/privacy/accountDeletion.ts";
import { erasePerson } from "../application/privacy/personErasure.ts";
import { DomainError } from "../domain/shared/decider.ts";
import type { Providers } from "./parts.ts";
import type { System } from "./system.ts";

/** Erasure wired to the key store, the read models, the vector index and media storage. */
export function accountPrivacy(system: System, providers: Providers): AccountPrivacy {
  const db = system.database.sql;
  const deps = {
    commands: system.commands,
    keys: system.privacy.keys,
    vectorIndex: providers.vectorIndex,
    media: providers.media.storage,
    snapshots: system.snapshots,
    bus: system.bus,
    records: {
      agentIdsOf: async (userId: string) => [...new Set(await listAllAgentIdsOfUser(db, { userId }))],
      imageUrlsOf: (userId: string) => listImageUrlsOnlyOfUser(db, { userId }),
      imageJobIdsOf: (userId: string) => listImageJobIdsOfUser(db, { userId }),
    },
  };
  return {
    graceMs: system.config.WITHME_ACCOUNT_DELETION_GRACE_SECONDS * 1000,
    erase: (args, meta) => erasePerson(deps, args, meta),
    isErased: async (userId) =>
      (await system.privacy.keys.standings([userId])).get(userId)?.state === "erased",
  };
}

/**
 * How often due deletions are looked for: once a minute, or as often as a shorter grace period
 * lasts (at most once a second), so a deletion never waits much longer than its grace.
 */
export function erasureSweepInterval(graceMs: number): number {
  return Math.min(60_000, Math.max(1_000, graceMs));
}

/** Erases people whose requested deletion fell due, one process at a time (its own lease). */
export function runDueErasures(
  system: System,
  privacy: AccountPrivacy,
  signal: AbortSignal,
  intervalMs = erasureSweepInterval(privacy.graceMs),
): Promise<void> {
  const logger = system.logger.child({ component: "erasures" });
  return runScheduler({
    clock: system.clock,
    leases: system.leases,
    logger,
    signal,
    intervalMs,
    leaseName: "erasures",
    tick: async (now) => {
      for (const userId of await listDueAccountDeletions(system.database.sql, { now })) {
        try {
          const meta = { actor: "system:erasures", requestId: null, now };
          if ((await privacy.erase({ userId, by: "request" }, meta)).erased)
            logger.info({ userId }, "person erased");
        } catch (error) {
          // The read model may lag a cancellation: the decider has the last word.
          if (!(error instanceof DomainError)) throw error;
        }
      }
    },
    onError: (error) => logger.error({ err: error }, "erasing due accounts failed"),
  });
}
