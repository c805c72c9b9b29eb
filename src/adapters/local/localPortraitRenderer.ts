import { randomUUID } from "node:crypto";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import {
  type HeaderBag,
  type ImageGenerator,
  type ImageGeneratorDescription,
  ImageJobRejectedError,
  type ImageJobStatus,
  type ImageJobSubmission,
  type SubmittedImageJob,
  type WebhookVerdict,
} from "../../ports/imageGenerator.ts";
import type { PortraitRequest } from "./localPortraitDraw.ts";
import { parseScene } from "./localPortraitScene.ts";
import { PortraitThread, renderInSlices } from "./localPortraitThread.ts";

export const LOCAL_PORTRAIT_MODEL = "local-portrait-renderer/v1";

export interface LocalPortraitRendererOptions {
  size?: number;
  supersample?: number;
  /** Finished jobs kept for `status`; the oldest are forgotten first. */
  keep?: number;
  /** Draw on a worker thread (the default), or in slices on the main thread. */
  thread?: boolean;
}

interface Job {
  id: string;
  request: PortraitRequest;
  status: ImageJobStatus;
}

/**
 * The offline ImageGenerator: draws a stylised portrait as PNG in this process. `submit` returns
 * at once; jobs run one at a time on a worker thread (or in slices between other work). Jobs
 * live in memory only, so after a restart `status` reports them failed and they can be resubmitted.
 */
export class LocalPortraitRenderer implements ImageGenerator {
  readonly #options: Required<Omit<LocalPortraitRendererOptions, "thread">>;
  readonly #thread: PortraitThread | null;
  readonly #jobs = new Map<string, Job>();
  readonly #queue: Job[] = [];
  #working: Promise<void> | null = null;
  #closed = false;

  constructor(options: LocalPortraitRendererOptions = {}) {
    const { thread = true, ...rest } = options;
    this.#options = { size: 512, supersample: 2, keep: 64, ...rest };
    this.#thread = thread ? new PortraitThread() : null;
  }

  async submit(submission: ImageJobSubmission): Promise<SubmittedImageJob> {
    if (this.#closed) throw new Error("the local portrait renderer is closed");
    const id = `local-${randomUUID()}`;
    const job: Job = {
      id,
      request: this.#requestFor(submission),
      status: { providerRequestId: id, state: "queued", queuePosition: this.#queue.length, logs: [] },
    };
    this.#jobs.set(id, job);
    this.#queue.push(job);
    this.#working ??= this.#drain().finally(() => {
      this.#working = null;
    });
    return { providerRequestId: id, model: LOCAL_PORTRAIT_MODEL, webhookExpected: false };
  }

  async status(job: Pick<SubmittedImageJob, "providerRequestId" | "model">): Promise<ImageJobStatus> {
    const found = this.#jobs.get(job.providerRequestId);
    if (!found) {
      return {
        providerRequestId: job.providerRequestId,
        state: "failed",
        error:
          "this job is unknown to the local portrait renderer (it keeps jobs in memory): submit it again",
      };
    }
    const queuePosition = this.#queue.indexOf(found);
    return {
      ...found.status,
      ...(queuePosition >= 0 ? { queuePosition } : {}),
      logs: [...(found.status.logs ?? [])],
    };
  }

  async parseWebhook(_headers: HeaderBag, _rawBody: Uint8Array): Promise<WebhookVerdict> {
    return {
      accepted: false,
      reason: "NotSupported",
      message: "the local portrait renderer sends no webhooks",
    };
  }

  describe(): ImageGeneratorDescription {
    return {
      adapter: "local-portrait-renderer",
      models: { basePortrait: LOCAL_PORTRAIT_MODEL, variation: LOCAL_PORTRAIT_MODEL },
      offline: true,
      webhooks: false,
      pollIntervalMs: 100,
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) this.#fail(job, "the renderer was closed before the job ran");
    await this.#thread?.close();
    await this.#working;
  }

  #requestFor(submission: ImageJobSubmission): PortraitRequest {
    const base = { seed: submission.seed, size: this.#options.size, supersample: this.#options.supersample };
    if (submission.kind === "basePortrait") {
      return {
        ...base,
        kind: "basePortrait",
        subjectKey: submission.subject?.id ?? "",
        appearancePrompt: submission.prompt,
        scenePrompt: "",
      };
    }
    const subjectKey = submission.subject?.id ?? submission.basePortraitUrl;
    if (subjectKey === undefined) {
      throw new ImageJobRejectedError(
        "a variation needs the subject or the base portrait URL to keep the same face",
      );
    }
    return {
      ...base,
      kind: "variation",
      subjectKey,
      appearancePrompt: submission.subject?.appearancePrompt ?? "",
      scenePrompt: submission.prompt,
    };
  }

  async #drain(): Promise<void> {
    await yieldToLoop();
    for (let job = this.#queue.shift(); job; job = this.#queue.shift()) {
      try {
        await this.#render(job);
      } catch (error) {
        this.#fail(job, `drawing failed: ${(error as Error).message}`);
      }
      this.#forgetOld();
    }
  }

  async #render(job: Job): Promise<void> {
    const started = performance.now();
    const { background, framing, lighting } = parseScene(job.request.scenePrompt, job.request.kind);
    const size = this.#options.size;
    const where = this.#thread ? "on a worker thread" : "in slices on the main thread";
    const logs = [
      `drawing a ${size}×${size} portrait ${where}: ${background}, ${framing}, ${lighting} light`,
    ];
    job.status = { providerRequestId: job.id, state: "running", logs };
    const bytes = this.#thread
      ? await this.#thread.render(job.request)
      : await renderInSlices(job.request, () => this.#closed);
    logs.push(`done in ${Math.round(performance.now() - started)} ms`);
    job.status = {
      providerRequestId: job.id,
      state: "succeeded",
      logs,
      result: { source: "bytes", bytes, contentType: "image/png", width: size, height: size },
    };
  }

  #fail(job: Job, error: string): void {
    job.status = { providerRequestId: job.id, state: "failed", logs: job.status.logs ?? [], error };
  }

  #forgetOld(): void {
    const finished = [...this.#jobs.values()].filter(
      (j) => j.status.state === "succeeded" || j.status.state === "failed",
    );
    for (const job of finished.slice(0, Math.max(0, finished.length - this.#options.keep)))
      this.#jobs.delete(job.id);
  }
}
