import type { Agent } from "node:http";
import { type App, type Credential, cert, deleteApp, initializeApp } from "firebase-admin/app";
import { getMessaging, type Messaging, type TokenMessage } from "firebase-admin/messaging";
import type { PushNotification, PushOutcome, PushSender, PushTarget } from "../../ports/pushSender.ts";
import { PushSendError } from "../../ports/pushSender.ts";

/**
 * FCM_PROJECT_ID with FCM_CLIENT_EMAIL and FCM_PRIVATE_KEY (a service account allowed to send; the
 * PEM may carry `\n` escapes, as env files do), or any other firebase-admin credential.
 */
export type FcmPushSenderOptions = {
  projectId: string;
  /** Distinct per sender so several can live in one process. */
  appName?: string;
  /** The agent for the FCM endpoint (a proxy, or a local fake in tests). */
  httpAgent?: Agent;
} & ({ clientEmail: string; privateKey: string } | { credential: Credential });

/** The FCM HTTP v1 message for one registration token; the same payload reaches web, Android and iOS clients. */
export function toFcmMessage(token: string, notification: PushNotification): TokenMessage {
  const ttlMs = notification.ttlSeconds * 1000;
  const high = notification.urgency === "high";
  return {
    token,
    notification: { title: notification.title, body: notification.body },
    data: { url: notification.url, tag: notification.tag },
    android: {
      ttl: ttlMs,
      priority: high ? "high" : "normal",
      collapseKey: notification.tag,
      notification: { tag: notification.tag, clickAction: notification.url },
    },
    webpush: {
      headers: { TTL: String(notification.ttlSeconds), Urgency: notification.urgency },
      notification: { tag: notification.tag },
      fcmOptions: { link: notification.url },
    },
    apns: {
      headers: { "apns-priority": high ? "10" : "5", "apns-collapse-id": notification.tag },
      payload: { aps: { threadId: notification.tag } },
    },
  };
}

/** The token is gone for good (FCM answers 404 UNREGISTERED). */
export function isExpiredToken(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "messaging/registration-token-not-registered";
}

const RETRYABLE = new Set([
  "messaging/server-unavailable",
  "messaging/internal-error",
  "messaging/message-rate-exceeded",
  "messaging/device-message-rate-exceeded",
  "messaging/unknown-error",
]);

/** Firebase Cloud Messaging through `firebase-admin`, behind the same port as Web Push. */
export class FcmPushSender implements PushSender {
  readonly name = "fcm";
  readonly kind = "fcm" as const;
  readonly #app: App;
  readonly #messaging: Messaging;

  constructor(options: FcmPushSenderOptions) {
    const credential =
      "credential" in options
        ? options.credential
        : cert(
            {
              projectId: options.projectId,
              clientEmail: options.clientEmail,
              privateKey: options.privateKey.replace(/\\n/g, "\n"),
            },
            options.httpAgent,
          );
    this.#app = initializeApp(
      { credential, projectId: options.projectId, httpAgent: options.httpAgent },
      options.appName ?? `withme-fcm-${options.projectId}`,
    );
    this.#messaging = getMessaging(this.#app);
  }

  async send(subscription: PushTarget, notification: PushNotification): Promise<PushOutcome> {
    if (subscription.kind !== "fcm")
      throw new PushSendError("This is not an FCM registration token.", { retryable: false });
    try {
      await this.#messaging.send(toFcmMessage(subscription.endpoint, notification));
      return { delivered: true };
    } catch (error) {
      if (isExpiredToken(error)) return { expired: true };
      const code = String((error as { code?: unknown }).code ?? "unknown");
      throw new PushSendError(`FCM refused the message (${code}).`, {
        retryable: RETRYABLE.has(code),
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    await deleteApp(this.#app);
  }
}
