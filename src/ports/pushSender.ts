import type { PushKeys, PushKind } from "../domain/user/events.ts";

/** A device registered for notifications: Web Push (endpoint and browser keys) or FCM (endpoint = token). */
export interface PushTarget {
  kind: PushKind;
  endpoint: string;
  keys: PushKeys | null;
}

export interface PushNotification {
  title: string;
  body: string;
  /** Where the client opens on a tap, e.g. `/chat/<agentId>`. */
  url: string;
  /** Notifications with the same tag replace each other on the device (one per conversation). */
  tag: string;
  /** How long the push service may hold it for a device that is offline. */
  ttlSeconds: number;
  urgency: "very-low" | "low" | "normal" | "high";
}

/** `expired`: the provider says the subscription is gone for good (HTTP 404/410); remove it. */
export type PushOutcome = { delivered: true } | { expired: true };

export interface PushSender {
  readonly name: string;
  readonly kind: PushKind;
  /** Delivered or expired; anything else throws a `PushSendError`. */
  send(subscription: PushTarget, notification: PushNotification): Promise<PushOutcome>;
}

export class PushSendError extends Error {
  readonly retryable: boolean;
  readonly statusCode: number | null;
  constructor(message: string, options: { retryable: boolean; statusCode?: number | null; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "PushSendError";
    this.retryable = options.retryable;
    this.statusCode = options.statusCode ?? null;
  }
}
