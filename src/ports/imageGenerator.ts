/**
 * Makes portraits and selfies as asynchronous jobs. A queue provider and a local renderer both fit:
 * `submit` returns at once, the outcome arrives by webhook (when the adapter supports it and a URL
 * was given) or by polling `status`. The reactor may do both; outcomes are keyed by
 * `providerRequestId`, so whichever arrives second changes nothing.
 */
export type ImageJobKind = "basePortrait" | "variation";

/** Who is in the picture; a renderer that draws rather than edits keeps the same face with it. */
export interface ImageSubject {
  id: string;
  appearancePrompt: string;
}

export interface ImageJobSubmission {
  kind: ImageJobKind;
  /** The appearance prompt for a base portrait; the scene prompt for a variation. */
  prompt: string;
  /** Required for a variation: the portrait the edit starts from. */
  basePortraitUrl?: string;
  subject?: ImageSubject;
  seed: number;
  /** Where the provider should report the outcome; omitted when there is no public URL. */
  webhookUrl?: string;
}

export interface SubmittedImageJob {
  providerRequestId: string;
  /** The model that runs it; `status` needs it back (record it with the submission). */
  model: string;
  /** True when the outcome will also be pushed to the webhook URL. */
  webhookExpected: boolean;
}

export type ImageJobState = "queued" | "running" | "succeeded" | "failed";

/** Either a URL to fetch (check it with the media download helper) or bytes already in hand. */
export type GeneratedImage =
  | { source: "url"; url: string; contentType?: string; width?: number; height?: number }
  | { source: "bytes"; bytes: Uint8Array; contentType: string; width: number; height: number };

export interface ImageJobStatus {
  providerRequestId: string;
  state: ImageJobState;
  queuePosition?: number;
  logs?: string[];
  /** Present when `state` is `succeeded`. */
  result?: GeneratedImage;
  /** Present when `state` is `failed`: a sentence fit for an operator. */
  error?: string;
}

/**
 * Why a delivery was refused. `KeysUnavailable` is ours, not the sender's: answer it with a 503
 * so the provider delivers again; the others deserve a 4xx.
 */
export type WebhookRejectionReason =
  | "NotSupported"
  | "MissingHeaders"
  | "StaleTimestamp"
  | "BadSignature"
  | "MalformedBody"
  | "KeysUnavailable";

export type WebhookVerdict =
  | {
      accepted: true;
      /** A terminal status (`succeeded` or `failed`). */
      status: ImageJobStatus;
      /** This process has already stored an outcome delivered for the same request. */
      duplicate: boolean;
      /** Call once the outcome is stored: only then are repeats of this delivery recognised. */
      settled(): void;
    }
  | { accepted: false; reason: WebhookRejectionReason; message: string };

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface ImageGeneratorDescription {
  adapter: string;
  models: { basePortrait: string; variation: string };
  /** True for the local renderer that stands in for a provider. */
  offline: boolean;
  /** Whether `submit` honours `webhookUrl`. */
  webhooks: boolean;
  /** How often polling is worth it for this adapter. */
  pollIntervalMs: number;
}

export interface ImageGenerator {
  submit(submission: ImageJobSubmission): Promise<SubmittedImageJob>;
  status(job: Pick<SubmittedImageJob, "providerRequestId" | "model">): Promise<ImageJobStatus>;
  /** Verifies and reads a webhook delivery from the raw body exactly as received. */
  parseWebhook(headers: HeaderBag, rawBody: Uint8Array): Promise<WebhookVerdict>;
  describe(): ImageGeneratorDescription;
  close(): Promise<void>;
}

/** A submission the provider cannot run (e.g. a variation without a base portrait). */
export class ImageJobRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageJobRejectedError";
  }
}

/** Reads one header case-insensitively; repeated headers yield their first value. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
