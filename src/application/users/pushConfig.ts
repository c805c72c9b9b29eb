/** What a browser needs to subscribe to Web Push; the VAPID public key is public by design. */
export interface PushConfig {
  /** Null when Web Push is not set up: browsers cannot subscribe then. */
  vapidPublicKey: string | null;
}

export const pushDisabled: PushConfig = { vapidPublicKey: null };

/** Web Push is on when the VAPID key pair and a contact (subject) are configured, as the worker needs them. */
export function webPushConfig(settings: {
  VAPID_PUBLIC_KEY?: string | undefined;
  VAPID_PRIVATE_KEY?: string | undefined;
  vapidSubject?: string | undefined;
}): PushConfig {
  const on = Boolean(settings.VAPID_PUBLIC_KEY && settings.VAPID_PRIVATE_KEY && settings.vapidSubject);
  return { vapidPublicKey: on ? settings.VAPID_PUBLIC_KEY! : null };
}
