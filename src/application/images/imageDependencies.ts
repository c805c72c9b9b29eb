import type { Logger } from "../../observability/logger.ts";
import type { Clock } from "../../ports/clock.ts";
import type { ImageGenerator } from "../../ports/imageGenerator.ts";
import type { MediaStorage } from "../../ports/mediaStorage.ts";
import type { CommandHandler } from "../commandHandler.ts";
import type { EventLog } from "../eventLog.ts";

export interface ImageSettings {
  /** Where providers can reach `/webhooks/fal`; without it jobs are only polled. */
  publicBaseUrl: string | undefined;
  /** A job with no outcome after this long fails with reason `timeout`. */
  jobTimeoutMs: number;
  /** How often to ask about a job when its outcome is also pushed by webhook (the fallback). */
  webhookFallbackPollMs: number;
  maxDownloadBytes: number;
}

export const defaultImageSettings: ImageSettings = {
  publicBaseUrl: undefined,
  jobTimeoutMs: 10 * 60_000,
  webhookFallbackPollMs: 15_000,
  maxDownloadBytes: 15 * 1024 * 1024,
};

export interface ImageDependencies {
  commands: CommandHandler;
  events: EventLog;
  generator: ImageGenerator;
  media: MediaStorage;
  clock: Clock;
  logger: Logger;
  settings: ImageSettings;
  fetch?: typeof fetch;
  /**
   * Whether a person was erased: a picture still being made for them when it happened is neither
   * finished nor kept (erasure deletes only the pictures that exist when it runs).
   */
  isErased?: (userId: string) => Promise<boolean>;
}
