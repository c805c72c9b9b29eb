import { describe, expect, it } from "vitest";
import { notificationFor, PushNotifier } from "../../../src/application/push/pushNotifier.ts";
import type { PushKind } from "../../../src/domain/user/events.ts";
import {
  type PushNotification,
  type PushOutcome,
  PushSendError,
  type PushSender,
  type PushTarget,
} from "../../../src/ports/pushSender.ts";

/** A sender that answers from a table by endpoint and records what it was asked to send. */
function recordingSender(kind: PushKind, outcomes: Record<string, PushOutcome | "fail"> = {}) {
  const sent: { endpoint: string; notification: PushNotification }[] = [];
  const sender: PushSender = {
    name: `recording-${kind}`,
    kind,
    send: async (target, notification) => {
      sent.push({ endpoint: target.endpoint, notification });
      const outcome = outcomes[target.endpoint] ?? { delivered: true };
      if (outcome === "fail") throw new PushSendError("down", { retryable: true, statusCode: 503 });
      return outcome;
    },
  };
  return { sender, sent };
}

const web = (endpoint: string): PushTarget => ({
  kind: "webpush",
  endpoint,
  keys: { p256dh: "p", auth: "a" },
});
const fcm = (endpoint: string): PushTarget => ({ kind: "fcm", endpoint, keys: null });
const initiation = {
  kind: "initiation" as const,
  userId: "sam",
  agentId: "lena",
  agentName: "Lena Hoffmann",
  text: "Small update from my day: watched dawn break over Berlin.",
};

describe("PushNotifier", () => {
  it("notifies every registered device of a person who is not connected", async () => {
    const webSender = recordingSender("webpush");
    const fcmSender = recordingSender("fcm");
    const notifier = new PushNotifier({
      senders: { webpush: webSender.sender, fcm: fcmSender.sender },
      subscriptions: async () => [web("https://push.example/1"), fcm("token-1")],
      isOnline: () => false,
      removeExpired: async () => {},
    });
    expect(await notifier.notify(initiation)).toEqual({ skipped: null, delivered: 2, expired: 0, failed: 0 });
    expect(webSender.sent[0]!.notification).toEqual(notificationFor(initiation));
    expect(fcmSender.sent[0]!.endpoint).toBe("token-1");
  });

  it("stays quiet while the person is connected", async () => {
    const webSender = recordingSender("webpush");
    const notifier = new PushNotifier({
      senders: { webpush: webSender.sender },
      subscriptions: async () => [web("https://push.example/1")],
      isOnline: async () => true,
      removeExpired: async () => {},
    });
    expect((await notifier.notify(initiation)).skipped).toBe("online");
    expect(webSender.sent).toEqual([]);
  });

  it("removes expired subscriptions and carries on past failures", async () => {
    const removed: string[] = [];
    const errors: unknown[] = [];
    const webSender = recordingSender("webpush", {
      "https://push.example/gone": { expired: true },
      "https://push.example/down": "fail",
    });
    const notifier = new PushNotifier({
      senders: { webpush: webSender.sender },
      subscriptions: async () => [
        web("https://push.example/gone"),
        web("https://push.example/down"),
        web("https://push.example/ok"),
        fcm("token-without-sender"),
      ],
      isOnline: () => false,
      removeExpired: async (userId, endpoint) => {
        removed.push(`${userId} ${endpoint}`);
      },
      onError: (error) => errors.push(error),
    });
    expect(await notifier.notify(initiation)).toEqual({ skipped: null, delivered: 1, expired: 1, failed: 1 });
    expect(removed).toEqual(["sam https://push.example/gone"]);
    expect(errors).toHaveLength(1);
  });

  it("says so when there is nothing to notify", async () => {
    const notifier = new PushNotifier({
      senders: {},
      subscriptions: async () => [web("https://push.example/1")],
      isOnline: () => false,
      removeExpired: async () => {},
    });
    expect((await notifier.notify(initiation)).skipped).toBe("no subscriptions");
  });
});

describe("notificationFor", () => {
  it("titles with the agent, shortens the text and opens the conversation", () => {
    const reply = notificationFor({ ...initiation, kind: "reply", text: `${"word ".repeat(60)}end` });
    expect(reply.title).toBe("Lena Hoffmann");
    expect(reply.body.length).toBeLessThanOrEqual(140);
    expect(reply.body.endsWith("…")).toBe(true);
    expect(reply).toMatchObject({ url: "/chat/lena", tag: "conversation-lena", urgency: "high" });
    expect(notificationFor(initiation)).toMatchObject({ urgency: "normal", ttlSeconds: 86_400 });
  });
});
