import { ApiError, createFalClient, type FalClient, type RetryOptions } from "@fal-ai/client";
import { LRUCache } from "lru-cache";
import { assertNever } from "../../domain/shared/decider.ts";
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
import { detailOf, falErrorMessage, outcomeFromOutput, webhookBodySchema } from "./falOutput.ts";
import { falRedirect } from "./falRedirect.ts";
import type { FalWebhookVerifier } from "./falWebhookVerifier.ts";

export const DEFAULT_FAL_MODELS = {
  basePortrait: "fal-ai/flux/dev",
  variation: "fal-ai/nano-banana/edit",
} as const;

export interface FalImageGeneratorOptions {
  credentials: string;
  models?: { basePortrait?: string; variation?: string };
  /** Flux's `image_size` for base portraits. */
  imageSize?: "square_hd" | "square" | "portrait_4_3" | "portrait_16_9";
  verifier: FalWebhookVerifier;
  /** Sends the client's calls to another host (a gateway, or a local fake in tests). */
  apiBaseUrl?: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryOptions>;
  /** How many request ids to remember for recognising repeated webhook deliveries. */
  rememberDeliveries?: number;
}

/** Shapes prompts for the models: a portrait for Flux, an identity-keeping edit for the editor. */
export function falPrompt(kind: ImageJobSubmission["kind"], prompt: string): string {
  return kind === "basePortrait"
    ? `Portrait photo, head and shoulders, looking at the camera, natural light. ${prompt}`
    : `Keep the same person, face and identity as in the reference photo. New scene: ${prompt}`;
}

/** fal's queue: Flux for base portraits, an image-edit model for variations; webhooks and polling. */
export class FalImageGenerator implements ImageGenerator {
  readonly #client: FalClient;
  readonly #models: { basePortrait: string; variation: string };
  readonly #imageSize: string;
  readonly #verifier: FalWebhookVerifier;
  readonly #delivered: LRUCache<string, true>;

  constructor(options: FalImageGeneratorOptions) {
    this.#client = createFalClient({
      credentials: options.credentials,
      ...(options.apiBaseUrl ? { requestMiddleware: falRedirect(options.apiBaseUrl) } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
    });
    this.#models = { ...DEFAULT_FAL_MODELS, ...options.models };
    this.#imageSize = options.imageSize ?? "square_hd";
    this.#verifier = options.verifier;
    this.#delivered = new LRUCache({ max: options.rememberDeliveries ?? 10_000 });
  }

  async submit(submission: ImageJobSubmission): Promise<SubmittedImageJob> {
    const model = this.#models[submission.kind];
    const prompt = falPrompt(submission.kind, submission.prompt);
    let input: Record<string, unknown>;
    switch (submission.kind) {
      case "basePortrait":
        input = {
          prompt,
          seed: submission.seed,
          image_size: this.#imageSize,
          num_images: 1,
          output_format: "png",
        };
        break;
      case "variation":
        if (!submission.basePortraitUrl)
          throw new ImageJobRejectedError("a variation needs the base portrait URL");
        input = {
          prompt,
          image_urls: [submission.basePortraitUrl],
          seed: submission.seed,
          num_images: 1,
          output_format: "png",
        };
        break;
      default:
        return assertNever(submission.kind);
    }
    try {
      const queued = await this.#client.queue.submit(model, {
        input,
        ...(submission.webhookUrl ? { webhookUrl: submission.webhookUrl } : {}),
      });
      return { providerRequestId: queued.request_id, model, webhookExpected: Boolean(submission.webhookUrl) };
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
        throw new ImageJobRejectedError(`fal refused the job: ${detailOf(error.body) ?? error.message}`);
      }
      throw new Error(`submitting to fal (${model}) failed: ${falErrorMessage(error)}`, { cause: error });
    }
  }

  async status(job: Pick<SubmittedImageJob, "providerRequestId" | "model">): Promise<ImageJobStatus> {
    const providerRequestId = job.providerRequestId;
    let queued: Awaited<ReturnType<FalClient["queue"]["status"]>>;
    try {
      queued = await this.#client.queue.status(job.model, { requestId: providerRequestId, logs: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        return { providerRequestId, state: "failed", error: "fal does not know this request" };
      }
      throw new Error(`asking fal about ${providerRequestId} failed: ${falErrorMessage(error)}`, {
        cause: error,
      });
    }
    const logs =
      "logs" in queued && Array.isArray(queued.logs) ? queued.logs.map((log) => log.message) : undefined;
    switch (queued.status) {
      case "IN_QUEUE":
        return { providerRequestId, state: "queued", queuePosition: queued.queue_position };
      case "IN_PROGRESS":
        return { providerRequestId, state: "running", ...(logs ? { logs } : {}) };
      case "COMPLETED":
        return this.#result(job, logs);
      default:
        return assertNever(queued);
    }
  }

  async #result(
    job: Pick<SubmittedImageJob, "providerRequestId" | "model">,
    logs?: string[],
  ): Promise<ImageJobStatus> {
    const providerRequestId = job.providerRequestId;
    try {
      const result = await this.#client.queue.result(job.model, { requestId: providerRequestId });
      return outcomeFromOutput(providerRequestId, result.data, logs);
    } catch (error) {
      // A finished request whose result is an error (a client error, or a 500 that explains
      // itself) is a failed job; anything else may pass, so it is thrown for a later poll.
      const finished =
        error instanceof ApiError &&
        ((error.status >= 400 && error.status < 500 && error.status !== 429) ||
          (error.status === 500 && detailOf(error.body) !== undefined));
      if (finished) return { providerRequestId, state: "failed", error: falErrorMessage(error), logs };
      throw new Error(`fetching fal's result for ${providerRequestId} failed: ${falErrorMessage(error)}`, {
        cause: error,
      });
    }
  }

  async parseWebhook(headers: HeaderBag, rawBody: Uint8Array): Promise<WebhookVerdict> {
    const check = await this.#verifier.verify(headers, rawBody);
    if (!check.ok) return { accepted: false, reason: check.reason, message: check.message };
    let body: ReturnType<typeof webhookBodySchema.parse>;
    try {
      body = webhookBodySchema.parse(JSON.parse(Buffer.from(rawBody).toString("utf8")));
    } catch {
      return { accepted: false, reason: "MalformedBody", message: "the webhook body is not fal's JSON" };
    }
    if (body.request_id !== check.requestId) {
      return {
        accepted: false,
        reason: "MalformedBody",
        message: "the body names another request than the signature",
      };
    }
    const status: ImageJobStatus =
      body.status === "OK"
        ? outcomeFromOutput(body.request_id, body.payload)
        : {
            providerRequestId: body.request_id,
            state: "failed",
            error: [body.error ?? "fal reported an error", detailOf(body.payload) ?? body.payload_error]
              .filter(Boolean)
              .join(": "),
          };
    return {
      accepted: true,
      status,
      duplicate: this.#delivered.has(body.request_id),
      settled: () => void this.#delivered.set(body.request_id, true),
    };
  }

  describe(): ImageGeneratorDescription {
    return {
      adapter: "fal",
      models: { ...this.#models },
      offline: false,
      webhooks: true,
      pollIntervalMs: 2_000,
    };
  }

  async close(): Promise<void> {}
}
