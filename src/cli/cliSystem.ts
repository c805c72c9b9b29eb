import type { ProjectorDependencies } from "../../projections/runner/projector.ts";
import type { CommandHandler } from "../application/commandHandler.ts";
import type { StoredEventEncryptionReport } from "../application/privacy/storedEventEncryption.ts";
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
  /** Rebuilds long-term memory's vector index from the log with the configured embedder, then switches. */
  reembedMemory?: (run: MemoryReembedRun) => Promise<MemoryReembedReport>;
}

export interface MemoryReembedRun {
  signal: AbortSignal;
  onProgress(progress: { done: number; total: number }): void;
}

/** What `withme reembed` did; `switched` is false when the configured index cannot be rebuilt this way. */
export interface MemoryReembedReport {
  conversations: number;
  facts: number;
  index: string;
  switched: boolean;
}

export interface CliRuntime {
  /** Serves the roles until a signal stops the process. */
  serve(config: Config, roles: readonly Role[]): Promise<void>;
  /** The database and event store only, for one-off tools; stop its lifecycle when done. */
  open(config: Config): Promise<CliSystem>;
  /** Which adapter serves each port for this configuration, and why. */
  adapters(config: Config): AdapterChoice[];
}

export type { StoredEventEncryptionReport };

export interface EncryptStoredEventsRun {
  dryRun: boolean;
  signal: AbortSignal;
  onProgress(progress: { done: number; total: number }): void;
}
