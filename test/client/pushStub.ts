import type { BrowserContext, Page } from "playwright-core";

export interface StubbedSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface SubscribeCall {
  userVisibleOnly: boolean;
  applicationServerKey: string;
}

/**
 * Headless Chromium has no push service to subscribe with, so `PushManager.prototype.subscribe`
 * is replaced in every page: it records what it was called with and hands back `subscription`
 * (kept in localStorage, as the browser would keep a real one across reloads). Everything
 * around it is real: the service worker, the permission, the client's code and the server.
 */
export async function stubPushManager(context: BrowserContext, subscription: StubbedSubscription) {
  await context.addInitScript((sub: StubbedSubscription) => {
    const KEY = "test.push-subscription";
    const toBase64url = (bytes: Uint8Array) =>
      btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "");
    const fromBase64url = (text: string) =>
      Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const calls: SubscribeCall[] = [];
    (window as unknown as { __subscribeCalls: SubscribeCall[] }).__subscribeCalls = calls;
    const made = (serverKey: string) => ({
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: fromBase64url(serverKey).buffer },
      toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
      unsubscribe: async () => {
        localStorage.removeItem(KEY);
        return true;
      },
    });
    PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
      const key = options?.applicationServerKey;
      const bytes =
        key instanceof ArrayBuffer
          ? new Uint8Array(key)
          : ArrayBuffer.isView(key)
            ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength)
            : new TextEncoder().encode(String(key));
      const serverKey = toBase64url(bytes);
      calls.push({ userVisibleOnly: options?.userVisibleOnly === true, applicationServerKey: serverKey });
      localStorage.setItem(KEY, serverKey);
      return made(serverKey) as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () => {
      const serverKey = localStorage.getItem(KEY);
      return serverKey ? (made(serverKey) as unknown as PushSubscription) : null;
    };
  }, subscription);
}

export function subscribeCalls(page: Page): Promise<SubscribeCall[]> {
  return page.evaluate(() => (window as unknown as { __subscribeCalls: SubscribeCall[] }).__subscribeCalls);
}
