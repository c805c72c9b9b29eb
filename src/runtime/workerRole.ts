import type { EngineDependencies } from "../application/engine/engineDependencies.ts";
import { memoryFactReactor } from "../application/engine/memoryFactRecorder.ts";
import { memoryIndexReactor } from "../application/engine/memoryIndexer.ts";
import { memorySummaryReactor } from "../application/engine/memorySummarizer.ts";
import { replyReactor } from "../application/engine/replyReactor.ts";
import { summaryWithdrawalReactor } from "../application/engine/summaryWithdrawal.ts";
import type { ImageDependencies } from "../application/images/imageDependencies.ts";
import { imagesReactor } from "../application/images/imagesReactor.ts";
import type { LifeScheduler } from "../application/life/lifeScheduler.ts";
import { runScheduler } from "../application/life/runScheduler.ts";
import type { PushNotifier } from "../application/push/pushNotifier.ts";
import { pushReactor } from "../application/push/pushReactor.ts";
import { type ReactorDependencies, runReactor } from "../application/reactors/reactor.ts";

export interface WorkerRole {
  reactors: ReactorDependencies;
  engine: EngineDependencies;
  images: ImageDependencies;
  scheduler: LifeScheduler;
  push: PushNotifier | null;
  /** How long in-flight replies may take to finish on shutdown. */
  drainMs?: number;
}

/**
 * The worker: the reply, memory, image and push reactors, and the life scheduler, each holding its
 * own lease so that one instance of each runs at a time across all workers.
 */
export function startWorkerRole(worker: WorkerRole, signal: AbortSignal): Promise<unknown> {
  const { engine, images, reactors } = worker;
  const definitions = [
    replyReactor(engine),
    memorySummaryReactor(engine),
    memoryFactReactor(engine),
    memoryIndexReactor(engine),
    summaryWithdrawalReactor(engine),
    imagesReactor(images),
    ...(worker.push ? [pushReactor(engine.commands, worker.push, engine.clock)] : []),
  ];
  const running = definitions.map((definition) =>
    runReactor(definition, reactors, signal, { drainMs: worker.drainMs ?? 15_000 }),
  );
  running.push(
    runScheduler({
      clock: engine.clock,
      leases: reactors.leases,
      signal,
      tick: (now) => worker.scheduler.tick(now),
      logger: reactors.logger,
      onError: (error) => reactors.logger.error({ err: error }, "scheduler tick failed"),
    }),
  );
  return Promise.allSettled(running);
}
