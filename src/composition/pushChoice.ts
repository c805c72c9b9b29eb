import { FcmPushSender } from "../adapters/fcm/fcmPushSender.ts";
import { WebPushSender } from "../adapters/webpush/webPushSender.ts";
import type { Config } from "../config/config.ts";
import type { PushSender } from "../ports/pushSender.ts";
import type { Chosen } from "./chosen.ts";

export type PushSenders = Partial<Record<"webpush" | "fcm", PushSender & { close?(): Promise<void> }>>;

/** Web Push with VAPID keys, FCM with a service account, both, or none. */
export function pushChoice(config: Config): Chosen<PushSenders> {
  const webPush = Boolean(config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY && config.vapidSubject);
  const fcm = Boolean(config.FCM_PROJECT_ID && config.FCM_CLIENT_EMAIL && config.FCM_PRIVATE_KEY);
  const build = (): PushSenders => ({
    ...(webPush
      ? {
          webpush: new WebPushSender({
            publicKey: config.VAPID_PUBLIC_KEY!,
            privateKey: config.VAPID_PRIVATE_KEY!,
            subject: config.vapidSubject!,
          }),
        }
      : {}),
    ...(fcm
      ? {
          fcm: new FcmPushSender({
            projectId: config.FCM_PROJECT_ID!,
            clientEmail: config.FCM_CLIENT_EMAIL!,
            privateKey: config.FCM_PRIVATE_KEY!,
          }),
        }
      : {}),
  });
  if (webPush && fcm)
    return { adapter: "web-push + fcm", offline: false, reason: "VAPID keys and FCM_* are set", build };
  if (webPush)
    return {
      adapter: "web-push",
      offline: false,
      reason: "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are set",
      build,
    };
  if (fcm)
    return {
      adapter: "fcm",
      offline: false,
      reason: "FCM_PROJECT_ID, FCM_CLIENT_EMAIL and FCM_PRIVATE_KEY are set",
      build,
    };
  return {
    adapter: "none",
    offline: true,
    reason: "push disabled: no VAPID keys (nor FCM_*); new messages show only while the app is open",
    build,
  };
}
