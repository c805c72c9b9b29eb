import { listConversationsAwaitingReply } from "../../projections/conversations/queries.ts";
import { readModelOr } from "../../projections/runner/readModelOr.ts";
import type { PostgresDatabase } from "../adapters/postgres/postgresDatabase.ts";
import { ReadModelLifeDirectory } from "../adapters/postgres/readModelLifeDirectory.ts";
import type { CommandHandler } from "../application/commandHandler.ts";
import { defaultEngineSettings, type EngineDependencies } from "../application/engine/engineDependencies.ts";
import { createTurnReads } from "../application/engine/turnReads.ts";
import type { EventLog } from "../application/eventLog.ts";
import { defaultImageSettings, type ImageDependencies } from "../application/images/imageDependencies.ts";
import { LifeScheduler } from "../application/life/lifeScheduler.ts";
import type { TurnPriority } from "../application/processing/turnPriority.ts";
import {
  PushNotifier,
  removeExpiredWithCommands,
  subscriptionsFromUserStream,
} from "../application/push/pushNotifier.ts";
import type { Config } from "../config/config.ts";
import type { Logger } from "../observability/logger.ts";
import type { Clock } from "../ports/clock.ts";
import type { DataKeyStore } from "../ports/dataKeys.ts";
import type { LiveBus } from "../ports/liveBus.ts";
import type { Presence } from "../ports/presence.ts";
import type { Overrides, Providers } from "./parts.ts";

/** The application services the roles share; built once per process, whichever roles run. */
export interface Services {
  engine: EngineDependencies;
  images: ImageDependencies;
  scheduler: LifeScheduler;
  /** Null when no push provider is configured. */
  push: PushNotifier | null;
}

export interface ServiceParts {
  config: Config;
  overrides: Overrides;
  logger: Logger;
  clock: Clock;
  commands: CommandHandler;
  events: EventLog;
  bus: LiveBus;
  database: PostgresDatabase;
  presence: Presence;
  turns: TurnPriority;
  privacy: { keys: Pick<DataKeyStore, "standings"> };
}

export function buildServices(parts: ServiceParts, providers: Providers): Services {
  const { config, overrides, logger, clock, commands, events, bus, database } = parts;
  const engine: EngineDependencies = {
    commands,
    events,
    bus,
    replies: providers.strategies.replies,
    appraiser: providers.strategies.appraiser,
    summaries: providers.strategies.summaries,
    embedder: providers.embedder,
    vectorIndex: providers.vectorIndex,
    weather: providers.weather,
    clock,
    logger: logger.child({ component: "engine" }),
    settings: {
      ...defaultEngineSettings,
      asleepReplies: config.WITHME_ASLEEP_REPLIES,
      ...overrides.engineSettings,
    },
    turns: parts.turns,
    turnReads: createTurnReads(commands, events),
    awaitingReplies: {
      awaitingReplies: (page) => readModelOr([], () => listConversationsAwaitingReply(database.sql, page)),
    },
  };
  const images: ImageDependencies = {
    commands,
    events,
    generator: providers.images,
    media: providers.media.storage,
    clock,
    logger: logger.child({ component: "images" }),
    settings: { ...defaultImageSettings, publicBaseUrl: config.PUBLIC_BASE_URL, ...overrides.imageSettings },
    isErased: async (userId) =>
      (await parts.privacy.keys.standings([userId])).get(userId)?.state === "erased",
  };
  const directory = new ReadModelLifeDirectory(database.sql, clock);
  const scheduler = new LifeScheduler({
    commands,
    agents: directory,
    conversations: directory,
    lifeEventWriter: providers.strategies.lifeEvents,
    initiationWriter: providers.strategies.initiations,
    onError: (error, context) => logger.warn({ err: error, ...context }, "life scheduler step failed"),
  });
  const push =
    Object.keys(providers.push).length > 0
      ? new PushNotifier({
          senders: providers.push,
          subscriptions: subscriptionsFromUserStream(commands),
          isOnline: (userId) => parts.presence.isOnline(userId),
          removeExpired: removeExpiredWithCommands(commands, clock),
          onError: (error, context) => logger.warn({ err: error, ...context }, "push failed"),
        })
      : null;
  return { engine, images, scheduler, push };
}
