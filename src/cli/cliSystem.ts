import type { ProjectorDependencies } from "../../projections/runner/projector.ts";
import type { CommandHandler } from "../application/commandHandler.ts";
import type { AdapterChoice } from "../config/adapterChoice.ts";
import type { Config } from "../config/config.ts";
import type { EventStore } from "../ports/eventStore.ts";
import type { MediaStorage } from "../ports/mediaStorage.ts";
import type { Lifecycle } from "../runtime/lifecycle.ts";

export type Role = "api" | "projector" | "worker";

/** What a tool needs from a started core; `src/main.ts` provides it. */
export interface CliSystem {
  eventStore: EventStore;
  lifecycle: Lifecycle;
  projector: ProjectorDependencies;
  commands: CommandHandler;
  /** Where portraits are kept, built on first use. */
  media(): Promise<MediaStorage>;
  /** Encrypts personal fields stored in plaintext, in place; only the PostgreSQL event store can. */
  encryptStoredEvents?: (options: EncryptStoredEventsRun) => Promise<StoredEventEncryptionReport>;
}

export interface CliRuntime {
  /** Serves the roles until a signal stops the process. */
  serve(config: Config, roles: readonly Role[]): Promise<void>;
  /** The database and event store only, for one-off tools; stop its lifecycle when done. */
  open(config: Config): Promise<CliSystem>;
  /** Which adapter serves each port for this configuration, and why. */
  adapters(config: Config): AdapterChoice[];
}

/** What `withme encrypt-events` reports; the PostgreSQL adapter fills it in. */
export interface StoredEventEncryptionReport {
  examined: number;
  encrypted: number;
  redacted: number;
  fields: number;
  people: number;
  unattributed: number;
  dryRun: boolean;
}

export interface EncryptStoredEventsRun {
  dryRun: boolean;
  signal: AbortSignal;
  onProgress(progress: { done: number; total: number }): void;
}
