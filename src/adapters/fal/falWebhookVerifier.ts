import { createHash, createPublicKey, type JsonWebKey, type KeyObject, verify } from "node:crypto";
import { type HeaderBag, headerValue, type WebhookRejectionReason } from "../../ports/imageGenerator.ts";

export const FAL_JWKS_URL = "https://rest.alpha.fal.ai/.well-known/jwks.json";

export const FAL_WEBHOOK_HEADERS = {
  requestId: "x-fal-webhook-request-id",
  userId: "x-fal-webhook-user-id",
  timestamp: "x-fal-webhook-timestamp",
  signature: "x-fal-webhook-signature",
} as const;

export interface FalWebhookVerifierOptions {
  jwksUrl?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** How far the signed timestamp may be from now, either way. */
  toleranceSeconds?: number;
  /** How long fetched keys are trusted before they are fetched again. */
  cacheMs?: number;
  /** A signature that fails against keys at least this old fetches them again once (rotation). */
  refetchAfterMs?: number;
}

export type FalWebhookCheck =
  | { ok: true; requestId: string; userId: string; timestamp: number }
  | { ok: false; reason: WebhookRejectionReason; message: string };

interface KeySet {
  keys: KeyObject[];
  fetchedAt: number;
}

/**
 * Checks that a webhook came from fal: an ED25519 signature over the request id, user id,
 * timestamp and SHA-256 of the raw body (hex), one per line, by a key from fal's JWKS.
 */
export class FalWebhookVerifier {
  readonly #options: Required<Omit<FalWebhookVerifierOptions, "fetch">> & { fetch: typeof fetch };
  #keys: KeySet | null = null;
  #loading: Promise<KeySet> | null = null;

  constructor(options: FalWebhookVerifierOptions = {}) {
    this.#options = {
      jwksUrl: FAL_JWKS_URL,
      fetch: globalThis.fetch,
      now: () => new Date(),
      toleranceSeconds: 300,
      cacheMs: 24 * 60 * 60 * 1000,
      refetchAfterMs: 60 * 1000,
      ...options,
    };
  }

  async verify(headers: HeaderBag, rawBody: Uint8Array): Promise<FalWebhookCheck> {
    const requestId = headerValue(headers, FAL_WEBHOOK_HEADERS.requestId);
    const userId = headerValue(headers, FAL_WEBHOOK_HEADERS.userId);
    const stamp = headerValue(headers, FAL_WEBHOOK_HEADERS.timestamp);
    const signatureHex = headerValue(headers, FAL_WEBHOOK_HEADERS.signature);
    if (!requestId || !userId || !stamp || !signatureHex) {
      return reject("MissingHeaders", "the X-Fal-Webhook-* signature headers are missing");
    }
    const timestamp = Number(stamp);
    const now = this.#options.now().getTime() / 1000;
    if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > this.#options.toleranceSeconds) {
      return reject(
        "StaleTimestamp",
        `the webhook timestamp is more than ${this.#options.toleranceSeconds} s away`,
      );
    }
    if (!/^(?:[0-9a-f]{2})+$/i.test(signatureHex)) return reject("BadSignature", "the signature is not hex");
    const signature = Buffer.from(signatureHex, "hex");
    const bodyHash = createHash("sha256").update(rawBody).digest("hex");
    const message = Buffer.from([requestId, userId, stamp, bodyHash].join("\n"), "utf8");
    let keys: KeySet;
    try {
      keys = await this.#keySet(false);
      if (!matches(keys, message, signature) && this.#age(keys) >= this.#options.refetchAfterMs) {
        keys = await this.#keySet(true);
      }
    } catch (error) {
      return reject(
        "KeysUnavailable",
        `fal's signing keys could not be fetched: ${(error as Error).message}`,
      );
    }
    if (!matches(keys, message, signature)) {
      return reject("BadSignature", "the signature does not match any of fal's keys");
    }
    return { ok: true, requestId, userId, timestamp };
  }

  #age(keys: KeySet): number {
    return this.#options.now().getTime() - keys.fetchedAt;
  }

  async #keySet(refresh: boolean): Promise<KeySet> {
    if (!refresh && this.#keys && this.#age(this.#keys) < this.#options.cacheMs) return this.#keys;
    this.#loading ??= this.#fetchKeys().finally(() => {
      this.#loading = null;
    });
    this.#keys = await this.#loading;
    return this.#keys;
  }

  async #fetchKeys(): Promise<KeySet> {
    const response = await this.#options.fetch(this.#options.jwksUrl, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`JWKS answered HTTP ${response.status}`);
    const body = (await response.json()) as { keys?: JsonWebKey[] };
    const keys = (body.keys ?? [])
      .filter((jwk) => jwk.kty === "OKP" && jwk.crv === "Ed25519" && typeof jwk.x === "string")
      .map((jwk) => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" }));
    if (keys.length === 0) throw new Error("the JWKS holds no Ed25519 keys");
    return { keys, fetchedAt: this.#options.now().getTime() };
  }
}

function matches(keys: KeySet, message: Buffer, signature: Buffer): boolean {
  return keys.keys.some((key) => {
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  });
}

const reject = (reason: WebhookRejectionReason, message: string): FalWebhookCheck => ({
  ok: false,
  reason,
  message,
});
