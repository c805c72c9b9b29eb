import type { PostgresDatabase } from "../adapters/postgres/postgresDatabase.ts";
import type { MediaLinkSigner } from "../application/media/mediaLinks.ts";
import type { AdapterChoice } from "../config/adapterChoice.ts";
import type { Config } from "../config/config.ts";
import type { Logger } from "../observability/logger.ts";
import type { Clock } from "../ports/clock.ts";

/** What the adapters are built from: the configuration and the database opened first. */
export interface BuildContext {
  config: Config;
  database: PostgresDatabase;
  logger: Logger;
  clock: Clock;
  /** Signs links to stored media, with a key derived from the master key. */
  mediaLinks: MediaLinkSigner;
  /** The embedder already chosen, for indexes that must match its dimensions. */
  dimensions: number;
}

/** An adapter chosen for a port: what `doctor` says about it, and how to build it. */
export interface Chosen<T> extends Omit<AdapterChoice, "port"> {
  build(context: BuildContext): T;
}

export type Row<T> = { port: string; choose(config: Config): Chosen<T> };

export const row = <T>(port: string, choose: (config: Config) => Chosen<T>): Row<T> => ({ port, choose });
