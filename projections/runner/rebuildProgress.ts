import { topics } from "../../src/ports/liveBus.ts";
import type { ProjectorDependencies } from "./runnerDependencies.ts";
import type { Target } from "./targets.ts";

export interface RebuildProgress {
  applied: number;
  total: number;
  eventsPerSecond: number;
}

/** Reports how far catching up is, to the caller and on the live bus, a few times a second. */
export class RebuildProgressReports {
  readonly #deps: ProjectorDependencies;
  readonly #targets: Target[];
  readonly #onProgress: ((progress: RebuildProgress) => void) | undefined;
  readonly #total: number;
  readonly #started = performance.now();
  #applied = 0;
  #lastReport = 0;

  constructor(
    deps: ProjectorDependencies,
    targets: Target[],
    onProgress: ((progress: RebuildProgress) => void) | undefined,
    total: number,
  ) {
    this.#deps = deps;
    this.#targets = targets;
    this.#onProgress = onProgress;
    this.#total = total;
  }

  applied(count: number): void {
    this.#applied += count;
    const now = performance.now();
    if (count === 0 || now - this.#lastReport <= 200) return;
    this.#lastReport = now;
    const progress = this.#current();
    this.#onProgress?.(progress);
    for (const target of this.#targets) {
      void this.#deps.bus.publish(topics.projection(target.definition.name), {
        kind: "projection.progress",
        payload: {
          name: target.definition.name,
          generation: target.generation,
          mode: "building",
          ...progress,
        },
      });
    }
  }

  done(): void {
    this.#onProgress?.(this.#current());
  }

  #current(): RebuildProgress {
    return {
      applied: this.#applied,
      total: Math.max(this.#total, this.#applied),
      eventsPerSecond: (this.#applied / Math.max(1, performance.now() - this.#started)) * 1000,
    };
  }
}
