import type { Page } from "playwright-core";
import { WebPushSender } from "../../src/adapters/webpush/webPushSender.ts";
import { PushNotifier, subscriptionsFromUserStream } from "../../src/application/push/pushNotifier.ts";
import { eventually } from "../support/coreHarness.ts";
import type { PushServiceFake, RecordedPush } from "../support/fakes/pushServiceFake.ts";
import type { ClientServer } from "./clientServer.ts";

/**
 * What the worker sends a person who is away, through Web Push to the local push service fake,
 * for the subscriptions the server has stored: the request that reached the push service.
 */
export async function pushToServiceWorker(
  server: ClientServer,
  fake: PushServiceFake,
  vapid: { publicKey: string; privateKey: string },
  userId: string,
): Promise<RecordedPush> {
  const seen = fake.requests.length;
  const notifier = new PushNotifier({
    senders: {
      webpush: new WebPushSender({ ...vapid, subject: "mailto:ops@withme.example", agent: fake.agent }),
    },
    subscriptions: subscriptionsFromUserStream(server.system.commands),
    isOnline: () => false,
    removeExpired: async () => {},
  });
  const report = await notifier.notify({
    kind: "initiation",
    userId,
    agentId: "noor",
    agentName: "Noor",
    text: "Thinking of you!",
  });
  if (report.delivered !== 1) throw new Error(`expected one delivery, got ${JSON.stringify(report)}`);
  return fake.requests[seen]!;
}

/**
 * Hands push messages to the page's service worker as a push service would (DevTools' "Push"
 * button). Attach before the worker is registered: the session then follows its registration.
 */
export async function attachPushDelivery(page: Page) {
  const origin = new URL(page.url()).origin;
  const cdp = await page.context().newCDPSession(page);
  let registrationId: string | null = null;
  const activated = new Set<string>();
  let wake: () => void = () => {};
  cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
    const ours = registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
    if (ours) registrationId = ours.registrationId;
    wake();
  });
  cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    for (const v of versions) if (v.status === "activated") activated.add(v.registrationId);
    wake();
  });
  await cdp.send("ServiceWorker.enable");
  // A push handed to a registration whose worker is not yet activated is dropped, so wait for it.
  const activeRegistration = async (): Promise<string> => {
    while (registrationId === null || !activated.has(registrationId)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
    return registrationId;
  };
  const deliver = async (data: string) => {
    const id = await activeRegistration();
    await cdp.send("ServiceWorker.deliverPushMessage", { origin, registrationId: id, data });
  };
  return {
    /**
     * Delivers the message and waits for the notification it shows; one not shown within a few
     * seconds is delivered again, as a push service does with a message that was not taken. On a
     * busy machine Chromium can drop a push handed to a worker that is starting.
     */
    deliverUntilShown: async (data: string): Promise<ShownNotification> => {
      for (let attempt = 1; ; attempt++) {
        await deliver(data);
        try {
          return await eventually(async () => (await shownNotifications(page)).at(0), 5_000);
        } catch (error) {
          if (attempt === 6) throw error;
        }
      }
    },
    detach: () => cdp.detach(),
  };
}

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  url: string | null;
}

/** The notifications the service worker's registration is showing now. */
export function shownNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications();
    return shown.map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      url: (n.data as { url?: string } | null)?.url ?? null,
    }));
  });
}
