import { runnerMigrations } from "../../projections/runner/runnerMigrations.ts";
import { dataKeyMigrations } from "../adapters/postgres/dataKeyMigrations.ts";
import { eventStoreMigrations } from "../adapters/postgres/eventStoreMigrations.ts";
import { liveBusMigrations } from "../adapters/postgres/liveBusMigrations.ts";
import { migrate } from "../adapters/postgres/migrations.ts";
import { checkpointMigrations } from "../adapters/postgres/postgresCheckpointStore.ts";
import { openPostgresDatabase, type PostgresDatabase } from "../adapters/postgres/postgresDatabase.ts";
import { presenceMigrations } from "../adapters/postgres/postgresPresence.ts";
import { snapshotMigrations } from "../adapters/postgres/postgresSnapshotStore.ts";
import { vectorGenerationMigrations } from "../adapters/postgres/vectorGenerations.ts";
import { vectorIndexMigrations } from "../adapters/postgres/vectorIndexMigrations.ts";
import { systemClock } from "../adapters/system/systemClock.ts";
import { CommandHandler } from "../application/commandHandler.ts";
import { EventLog } from "../application/eventLog.ts";
import type { MediaLinkSigner } from "../application/media/mediaLinks.ts";
import { followErasures } from "../application/privacy/erasureNotices.ts";
import { SharedTailEventStore } from "../application/processing/sharedTailEventStore.ts";
import { TurnPriority } from "../application/processing/turnPriority.ts";
import type { Config } from "../config/config.ts";
import { secretValues } from "../config/secretValues.ts";
import { catalogue } from "../domain/catalogue.ts";
import { isStreamOfPerson } from "../domain/streamIds.ts";
import type { ApiServer } from "../http/server.ts";
import { createLogger, type Logger, redactUrl } from "../observability/logger.ts";
import type { Clock } from "../ports/clock.ts";
import type { EventStore } from "../ports/eventStore.ts";
import type { Leases } from "../ports/lease.ts";
import type { LiveBus } from "../ports/liveBus.ts";
import type { Presence } from "../ports/presence.ts";
import type { SnapshotStore } from "../ports/snapshotStore.ts";
import { Lifecycle } from "../runtime/lifecycle.ts";
import { adapterTable, type BuildContext } from "./adapterTable.ts";
import type { Overrides, Providers } from "./parts.ts";
import { openPersonalDataProtection, type PersonalDataProtection } from "./personalDataProtection.ts";
import { buildServices, type Services } from "./services.ts";
import { stateSnapshots } from "./stateSnapshots.ts";

export type { Overrides, Providers } from "./parts.ts";

/** Everything the roles share, wired from configuration. Only this folder picks adapters. */
export interface System {
  config: Config;
  overrides: Overrides;
  logger: Logger;
  lifecycle: Lifecycle;
  database: PostgresDatabase;
  /** The chosen event store behind encryption of personal fields. */
  eventStore: EventStore;
  /** Every person's data key; erasure destroys one. */
  privacy: PersonalDataProtection;
  /** Signs links to stored pictures (see `PersonalDataProtection.mediaLinks`). */
  mediaLinks: MediaLinkSigner;
  /** The event store read and written through the catalogue. */
  events: EventLog;
  bus: LiveBus;
  leases: Leases;
  presence: Presence;
  clock: Clock;
  commands: CommandHandler;
  /** The replies waiting for their first words, which work that can come later lets go first. */
  turns: TurnPriority;
  /** Stored states of long streams, sealed for their person; erasure deletes theirs. */
  snapshots: SnapshotStore;
  /** Built the first time a role needs them (tools like `withme migrate` never do). */
  providers(): Promise<Providers>;
  /** The engine, images, life scheduler and push, built once for every role that needs them. */
  services(): Promise<Services>;
  /** Set once the API role is up. */
  api?: ApiServer;
}

const allMigrations = [
  ...eventStoreMigrations,
  ...runnerMigrations,
  ...checkpointMigrations,
  ...vectorIndexMigrations,
  ...vectorGenerationMigrations,
  ...liveBusMigrations,
  ...presenceMigrations,
  ...dataKeyMigrations,
  ...snapshotMigrations,
];

/** The database, event store, live bus, leases and presence; the providers come when a role asks. */
export async function startCore(config: Config, overrides: Overrides = {}): Promise<System> {
  const logger = createLogger({ level: config.WITHME_LOG_LEVEL, secrets: secretValues(config) });
  const lifecycle = new Lifecycle(logger);
  if (overrides.handleSignals ?? true) lifecycle.handleSignals();
  const database = await openPostgresDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    poolSize: config.DATABASE_POOL_SIZE,
    onLog: (line) => logger.debug({ component: "postgres" }, line),
  });
  lifecycle.onStop("database", () => database.close());
  const applied = await migrate(database.pool, allMigrations);
  logger.info(
    { database: redactUrl(database.url), embedded: database.embedded, migrationsApplied: applied.length },
    "database ready",
  );
  const clock = overrides.clock ?? systemClock;
  const privacy = await openPersonalDataProtection(config, database, logger);
  const mediaLinks = privacy.mediaLinks;
  const context = { config, database, logger, clock, dimensions: 0, mediaLinks };
  // Outside the encryption, so that events shared by every processor are opened once.
  const eventStore = new SharedTailEventStore(
    privacy.protect(adapterTable.eventStore.choose(config).build(context)),
  );
  lifecycle.onStop("event store", () => eventStore.close());
  const bus = adapterTable.liveBus.choose(config).build(context);
  lifecycle.onStop("live bus", () => bus.close());
  const presence = adapterTable.presence.choose(config).build(context);
  lifecycle.onStop("presence", () => presence.close());
  const events = new EventLog(eventStore, catalogue);
  const snapshots = stateSnapshots(database, privacy.keys, logger);
  const commands = new CommandHandler(events, { snapshots: snapshots.snapshotsFor });
  const erasures = new AbortController();
  lifecycle.onStop("erasure notices", () => erasures.abort());
  void followErasures(
    bus,
    (userId) => {
      privacy.keys.evict(userId);
      commands.forgetWhere(isStreamOfPerson(userId));
    },
    erasures.signal,
    (error) => logger.error({ err: error }, "following erasure notices failed"),
  );
  let providers: Promise<Providers> | null = null;
  let services: Promise<Services> | null = null;
  const system: System = {
    config,
    overrides,
    logger,
    lifecycle,
    database,
    eventStore,
    privacy,
    mediaLinks,
    events,
    bus,
    leases: adapterTable.leases.choose(config).build(context),
    presence,
    clock,
    commands,
    turns: new TurnPriority(),
    snapshots: snapshots.store,
    providers: () => {
      providers ??= buildProviders(context, lifecycle, overrides.providers ?? {});
      return providers;
    },
    services: () => {
      services ??= system.providers().then((built) => buildServices(system, built));
      return services;
    },
  };
  return system;
}

async function buildProviders(
  context: BuildContext,
  lifecycle: Lifecycle,
  given: Partial<Providers>,
): Promise<Providers> {
  const { config } = context;
  const embedder = given.embedder ?? adapterTable.embedder.choose(config).build(context);
  const images = given.images ?? adapterTable.imageGenerator.choose(config).build(context);
  lifecycle.onStop("image generator", () => images.close());
  const media = given.media ?? adapterTable.media.choose(config).build(context);
  await media.storage.ensureReady();
  const push = given.push ?? adapterTable.push.choose(config).build(context);
  for (const sender of Object.values(push)) {
    const close = sender.close?.bind(sender);
    if (close) lifecycle.onStop(`push ${sender.name}`, close);
  }
  return {
    strategies: given.strategies ?? adapterTable.strategies.choose(config).build(context),
    embedder,
    vectorIndex:
      given.vectorIndex ??
      adapterTable.vectorIndex.choose(config).build({ ...context, dimensions: embedder.dimensions }),
    images,
    media,
    push,
    weather: given.weather ?? adapterTable.weather.choose(config).build(context),
  };
}
