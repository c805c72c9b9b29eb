import { resolveMasterKey } from "../adapters/local/masterKeyFile.ts";
import type { PostgresDatabase } from "../adapters/postgres/postgresDatabase.ts";
import { PostgresDataKeyStore } from "../adapters/postgres/postgresDataKeyStore.ts";
import { encryptStoredEvents } from "../adapters/postgres/postgresEventEncryption.ts";
import { MediaLinkSigner } from "../application/media/mediaLinks.ts";
import { CachingDataKeyStore } from "../application/privacy/cachingDataKeyStore.ts";
import { EncryptingEventStore } from "../application/privacy/encryptingEventStore.ts";
import { withmePersonalData } from "../application/privacy/personalDataPolicy.ts";
import type { EncryptStoredEventsRun, StoredEventEncryptionReport } from "../cli/cliSystem.ts";
import type { Config } from "../config/config.ts";
import type { Logger } from "../observability/logger.ts";
import type { EventStore } from "../ports/eventStore.ts";

/** The data keys of every person and the event store that encrypts with them. */
export interface PersonalDataProtection {
  keys: CachingDataKeyStore;
  /** Signs links to stored pictures, alike in every process that shares the master key. */
  mediaLinks: MediaLinkSigner;
  /** The chosen event store behind encryption: every reader sees plaintext, the store only ciphertext. */
  protect(store: EventStore): EventStore;
  /** In-place encryption of plaintext written before encryption was on (PostgreSQL event store only). */
  encryptStoredEvents(run: EncryptStoredEventsRun): Promise<StoredEventEncryptionReport>;
}

/**
 * Resolves the master key (configured, else the key file in the data folder), checks it is the one
 * this database's keys belong to, and keeps keys in memory for a short while.
 */
export async function openPersonalDataProtection(
  config: Config,
  database: PostgresDatabase,
  logger: Logger,
): Promise<PersonalDataProtection> {
  const master = await resolveMasterKey(config.WITHME_MASTER_KEY, config.dataDir);
  for (const warning of master.warnings) logger.warn(warning);
  if (master.created) {
    logger.warn(
      { file: master.file, masterKey: master.key.id },
      "generated a master key file: back it up apart from the database, without it no personal data can be read",
    );
  }
  const stored = new PostgresDataKeyStore(database.pool, master.key);
  await stored.checkMasterKey();
  const keys = new CachingDataKeyStore(stored);
  return {
    keys,
    mediaLinks: new MediaLinkSigner(master.key.derive("media links")),
    protect: (store) => new EncryptingEventStore(store, { keys, policy: withmePersonalData, writes: keys }),
    encryptStoredEvents: (run) =>
      encryptStoredEvents(database.pool, { keys, policy: withmePersonalData, ...run }),
  };
}
