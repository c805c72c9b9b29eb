import { createHash } from "node:crypto";
import type { Agent } from "node:https";
import webpush from "web-push";
import { PrivateAddressError, PublicOnlyHttpsAgent } from "../../application/net/publicNetwork.ts";
import type { PushNotification, PushOutcome, PushSender, PushTarget } from "../../ports/pushSender.ts";
import { PushSendError } from "../../ports/pushSender.ts";

export interface WebPushSenderOptions {
  /** VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, base64url as `web-push generate-vapid-keys` prints them. */
  publicKey: string;
  privateKey: string;
  /** VAPID_SUBJECT: a `mailto:` or `https:` contact for the push services. */
  subject: string;
  timeoutMs?: number;
  /** The HTTPS agent for the push services (a proxy, or a local fake in tests); public addresses only by default. */
  agent?: Agent;
}

/**
 * Web Push through the `web-push` library: the payload encrypted with `aes128gcm` (RFC 8291) and
 * the request signed with VAPID (RFC 8292). A 404 or 410 means the browser dropped the subscription.
 */
export class WebPushSender implements PushSender {
  readonly name = "web-push";
  readonly kind = "webpush" as const;
  readonly #options: WebPushSenderOptions;
  readonly #agent: Agent;

  constructor(options: WebPushSenderOptions) {
    // Fails early on malformed keys or subject, with the library's own message.
    webpush.getVapidHeaders(
      "https://push.example",
      options.subject,
      options.publicKey,
      options.privateKey,
      "aes128gcm",
    );
    this.#options = options;
    this.#agent = options.agent ?? new PublicOnlyHttpsAgent();
  }

  async send(subscription: PushTarget, notification: PushNotification): Promise<PushOutcome> {
    if (subscription.kind !== "webpush" || !subscription.keys)
      throw new PushSendError("This is not a Web Push subscription with browser keys.", { retryable: false });
    const payload = JSON.stringify({
      title: notification.title,
      body: notification.body,
      url: notification.url,
      tag: notification.tag,
    });
    try {
      await webpush.sendNotification({ endpoint: subscription.endpoint, keys: subscription.keys }, payload, {
        vapidDetails: vapid(this.#options),
        TTL: notification.ttlSeconds,
        urgency: notification.urgency,
        topic: createHash("sha256").update(notification.tag).digest("base64url").slice(0, 32),
        contentEncoding: "aes128gcm",
        timeout: this.#options.timeoutMs ?? 10_000,
        agent: this.#agent,
      });
      return { delivered: true };
    } catch (error) {
      if (error instanceof webpush.WebPushError) {
        if (error.statusCode === 404 || error.statusCode === 410) return { expired: true };
        const retryable = error.statusCode === 429 || error.statusCode >= 500;
        throw new PushSendError(`The push service answered ${error.statusCode}.`, {
          retryable,
          statusCode: error.statusCode,
          cause: error,
        });
      }
      if (error instanceof PrivateAddressError || (error as { code?: string }).code === "EPRIVATEADDRESS")
        throw new PushSendError("The push endpoint is not a public address; it was not contacted.", {
          retryable: false,
          cause: error,
        });
      throw new PushSendError("The push service could not be reached.", { retryable: true, cause: error });
    }
  }
}

function vapid(options: WebPushSenderOptions) {
  return { subject: options.subject, publicKey: options.publicKey, privateKey: options.privateKey };
}
