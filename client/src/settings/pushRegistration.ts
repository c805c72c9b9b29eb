/** The browser side of Web Push: the service worker, the permission, and the subscription. */

const WORKER_URL = "/sw.js";

export type PushSupport = { supported: true } | { supported: false; reason: string };

export class PushSetupError extends Error {
  override name = "PushSetupError";
}

export function pushSupport(): PushSupport {
  if (!window.isSecureContext)
    return { supported: false, reason: "Notifications need the app to be opened over https." };
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window))
    return { supported: false, reason: "This browser cannot receive push notifications." };
  return { supported: true };
}

/** What the server stores: `PushSubscription.toJSON()` without the expiry. */
export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** The VAPID public key (base64url) as the bytes `pushManager.subscribe` wants. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function sameBytes(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const bytes = new Uint8Array(a);
  return bytes.every((byte, i) => byte === b[i]);
}

function toBrowserSubscription(subscription: PushSubscription): BrowserSubscription {
  const { endpoint, keys } = subscription.toJSON();
  if (!endpoint || !keys?.p256dh || !keys.auth)
    throw new PushSetupError("The browser gave an incomplete subscription; try again.");
  return { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } };
}

/** This browser's subscription, if it has one for this server's key. */
export async function currentSubscription(vapidPublicKey: string): Promise<BrowserSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return null;
  const key = applicationServerKey(vapidPublicKey);
  return sameBytes(subscription.options.applicationServerKey, key)
    ? toBrowserSubscription(subscription)
    : null;
}

/** Asks for permission, installs the service worker and subscribes with the server's VAPID key. */
export async function subscribeBrowser(vapidPublicKey: string): Promise<BrowserSubscription> {
  const permission =
    Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
  if (permission === "denied")
    throw new PushSetupError(
      "Notifications are blocked for this site; allow them in the browser's site settings, then try again.",
    );
  if (permission !== "granted") throw new PushSetupError("Notifications were not allowed; try again.");
  await navigator.serviceWorker.register(WORKER_URL, { scope: "/" });
  const registration = await navigator.serviceWorker.ready;
  const key = applicationServerKey(vapidPublicKey);
  let subscription = await registration.pushManager.getSubscription();
  // A subscription made for another key (the server's keys changed) cannot receive our pushes.
  if (subscription && !sameBytes(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  try {
    subscription ??= await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: key,
    });
  } catch (error) {
    throw new PushSetupError(
      `The browser could not subscribe to notifications${error instanceof Error ? ` (${error.message})` : ""}.`,
    );
  }
  return toBrowserSubscription(subscription);
}

/** Ends this browser's subscription; returns its endpoint so the server can forget it too. */
export async function unsubscribeBrowser(): Promise<string | null> {
  if (!("serviceWorker" in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration("/");
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return null;
  await subscription.unsubscribe();
  return subscription.endpoint;
}
