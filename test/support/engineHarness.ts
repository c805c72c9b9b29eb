import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LexicalEmbedder } from "../../src/adapters/local/lexicalEmbedder.ts";
import { LocalMediaStorage } from "../../src/adapters/local/localMediaStorage.ts";
import { LocalPortraitRenderer } from "../../src/adapters/local/localPortraitRenderer.ts";
import {
  checkpointMigrations,
  PostgresCheckpointStore,
} from "../../src/adapters/postgres/postgresCheckpointStore.ts";
import { PostgresVectorIndex } from "../../src/adapters/postgres/postgresVectorIndex.ts";
import { vectorIndexMigrations } from "../../src/adapters/postgres/vectorIndexMigrations.ts";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import type { AwaitingReplies } from "../../src/application/engine/engineDependencies.ts";
import {
  defaultEngineSettings,
  type EngineDependencies,
  type EngineSettings,
} from "../../src/application/engine/engineDependencies.ts";
import { memoryFactReactor } from "../../src/application/engine/memoryFactRecorder.ts";
import { memoryIndexReactor } from "../../src/application/engine/memoryIndexer.ts";
import { memorySummaryReactor } from "../../src/application/engine/memorySummarizer.ts";
import { replyReactor } from "../../src/application/engine/replyReactor.ts";
import { summaryWithdrawalReactor } from "../../src/application/engine/summaryWithdrawal.ts";
import { createTurnReads } from "../../src/application/engine/turnReads.ts";
import {
  defaultImageSettings,
  type ImageDependencies,
} from "../../src/application/images/imageDependencies.ts";
import { imagesReactor } from "../../src/application/images/imagesReactor.ts";
import { runReactor } from "../../src/application/reactors/reactor.ts";
import { offlineStrategies, type Strategies } from "../../src/application/strategies.ts";
import type { Clock } from "../../src/ports/clock.ts";
import type { Embedder } from "../../src/ports/embedder.ts";
import { type CoreHarness, startCoreHarness } from "./coreHarness.ts";
import { testMediaLinks } from "./mediaLinks.ts";

/** The strategies the engine itself uses. */
function pick({ replies, appraiser, summaries }: Strategies) {
  return { replies, appraiser, summaries };
}

/** A clock that stands still until a test moves it. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: string) {
    this.#now = Date.parse(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    this.#now += ms;
  }
  /** Moves the clock on at once, and lets other work run first as a real timer would. */
  async sleep(ms: number): Promise<void> {
    this.#now += ms;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface EngineHarness extends CoreHarness {
  engine: EngineDependencies;
  images: ImageDependencies & { media: LocalMediaStorage };
  clock: ManualClock;
  startReactors(): void;
  /** Stops the reactors; a reply still being written after `drainMs` is cut off, as in a crash. */
  stopReactors(): Promise<void>;
}

/** The event store, the offline providers and the engine's reactors, running against a fresh database. */
export async function startEngineHarness(
  options: {
    start?: string;
    settings?: Partial<EngineSettings>;
    /** Replaces the offline strategies' parts (e.g. a slower persona engine). */
    strategies?: Partial<Strategies>;
    /** The lexical embedder unless given. */
    embedder?: Embedder;
    drainMs?: number;
    awaitingReplies?: AwaitingReplies;
  } = {},
): Promise<EngineHarness> {
  const core = await startCoreHarness([...checkpointMigrations, ...vectorIndexMigrations]);
  const clock = new ManualClock(options.start ?? "2026-06-10T10:00:00.000Z");
  const embedder = options.embedder ?? new LexicalEmbedder();
  const commands = new CommandHandler(core.events);
  const engine: EngineDependencies = {
    commands,
    events: core.events,
    bus: core.bus,
    ...pick({ ...offlineStrategies({ tokenDelayMs: 0 }), ...options.strategies }),
    embedder,
    vectorIndex: new PostgresVectorIndex(core.raw, { dimensions: embedder.dimensions }),
    clock,
    logger: core.logger,
    settings: { ...defaultEngineSettings, ...options.settings },
    turnReads: createTurnReads(commands, core.events),
    ...(options.awaitingReplies ? { awaitingReplies: options.awaitingReplies } : {}),
  };
  const mediaDir = await mkdtemp(path.join(tmpdir(), "withme-media-"));
  const images = {
    commands: engine.commands,
    events: core.events,
    generator: new LocalPortraitRenderer({ size: 256 }),
    media: new LocalMediaStorage({ dataDir: mediaDir, links: testMediaLinks() }),
    clock,
    logger: core.logger,
    settings: { ...defaultImageSettings },
  };
  const deps = {
    events: core.events,
    checkpoints: new PostgresCheckpointStore(core.raw),
    leases: core.leases,
    clock,
    logger: core.logger,
  };
  let controller = new AbortController();
  let running: Promise<void>[] = [];
  const startReactors = () => {
    controller = new AbortController();
    running = [
      replyReactor(engine),
      memorySummaryReactor(engine),
      memoryFactReactor(engine),
      memoryIndexReactor(engine),
      summaryWithdrawalReactor(engine),
      imagesReactor(images),
    ].map((reactor) =>
      runReactor(reactor, deps, controller.signal, {
        drainMs: options.drainMs ?? 1_000,
        // The tests learn that the reactors are done from their checkpoints.
        checkpointEveryMs: 0,
      }),
    );
  };
  const stopReactors = async () => {
    controller.abort();
    await Promise.allSettled(running);
  };
  startReactors();
  return {
    ...core,
    engine,
    images,
    clock,
    startReactors,
    stopReactors,
    close: async () => {
      await stopReactors();
      await images.generator.close();
      await core.close();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}
