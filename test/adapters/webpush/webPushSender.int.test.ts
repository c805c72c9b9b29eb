import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";
import { WebPushSender } from "../../../src/adapters/webpush/webPushSender.ts";
import { type PushNotification, PushSendError } from "../../../src/ports/pushSender.ts";
import {
  browserSubscription,
  type PushServiceFake,
  startPushServiceFake,
  verifyVapid,
} from "../../support/fakes/pushServiceFake.ts";

const vapidKeys = webpush.generateVAPIDKeys();
const notification: PushNotification = {
  title: "Lena Hoffmann",
  body: "Small update from my day: watched dawn break over Berlin from a ward window.",
  url: "/chat/lena",
  tag: "conversation-lena",
  ttlSeconds: 86_400,
  urgency: "normal",
};

let fake: PushServiceFake;
let sender: WebPushSender;

beforeAll(async () => {
  fake = await startPushServiceFake();
  sender = new WebPushSender({
    publicKey: vapidKeys.publicKey,
    privateKey: vapidKeys.privateKey,
    subject: "mailto:ops@withme.example",
    agent: fake.agent,
  });
});

afterAll(async () => {
  await fake?.close();
});

describe("WebPushSender with the real web-push library", () => {
  it("sends an aes128gcm payload with a VAPID signature that the browser's keys decrypt", async () => {
    const browser = browserSubscription(fake.endpoint("/push/device-1"));
    expect(await sender.send(browser.subscription, notification)).toEqual({ delivered: true });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe("/push/device-1");
    expect(request.headers["content-encoding"]).toBe("aes128gcm");
    expect(request.headers["content-type"]).toBe("application/octet-stream");
    expect(request.headers.ttl).toBe("86400");
    expect(request.headers.urgency).toBe("normal");
    expect(request.headers.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    const vapid = await verifyVapid(request.headers.authorization, fake.origin);
    expect(vapid.publicKey).toBe(vapidKeys.publicKey);
    expect(vapid.claims.sub).toBe("mailto:ops@withme.example");
    expect(vapid.claims.exp! * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);
    expect(JSON.parse(browser.decrypt(request.body).toString("utf8"))).toEqual({
      title: "Lena Hoffmann",
      body: notification.body,
      url: "/chat/lena",
      tag: "conversation-lena",
    });
  });

  it("does not decrypt with another browser's keys", async () => {
    const browser = browserSubscription(fake.endpoint("/push/device-2"));
    const stranger = browserSubscription(fake.endpoint("/push/device-3"));
    await sender.send(browser.subscription, notification);
    expect(() => stranger.decrypt(fake.requests.at(-1)!.body)).toThrow();
  });

  it("reports an expired subscription on 410 and on 404", async () => {
    for (const [path, status] of [
      ["/push/gone", 410],
      ["/push/unknown", 404],
    ] as const) {
      fake.respond(path, status);
      const browser = browserSubscription(fake.endpoint(path));
      expect(await sender.send(browser.subscription, notification)).toEqual({ expired: true });
      expect(fake.requests.at(-1)!.status).toBe(status);
    }
  });

  it("throws a retryable error when the push service is overloaded, and a final one on 400", async () => {
    fake.respond("/push/busy", 429);
    fake.respond("/push/bad", 400);
    const busy = sender.send(browserSubscription(fake.endpoint("/push/busy")).subscription, notification);
    await expect(busy).rejects.toMatchObject({ name: "PushSendError", retryable: true, statusCode: 429 });
    const bad = sender.send(browserSubscription(fake.endpoint("/push/bad")).subscription, notification);
    await expect(bad).rejects.toBeInstanceOf(PushSendError);
    await expect(bad).rejects.toMatchObject({ retryable: false, statusCode: 400 });
  });

  it("contacts no address on this machine or a private network, however the endpoint names it", async () => {
    const guarded = new WebPushSender({
      publicKey: vapidKeys.publicKey,
      privateKey: vapidKeys.privateKey,
      subject: "mailto:ops@withme.example",
    });
    const port = Number(new URL(fake.origin).port);
    const before = fake.requests.length;
    for (const endpoint of [
      `https://127.0.0.1:${port}/push/internal`,
      `https://localhost:${port}/push/internal`,
      `https://[::1]:${port}/push/internal`,
    ]) {
      const error = await guarded
        .send(browserSubscription(endpoint).subscription, notification)
        .catch((e) => e);
      expect(error, endpoint).toBeInstanceOf(PushSendError);
      expect((error as PushSendError).retryable, endpoint).toBe(false);
    }
    expect(fake.requests.length).toBe(before);
  });

  it("refuses malformed VAPID settings at construction", () => {
    expect(
      () =>
        new WebPushSender({ publicKey: "nope", privateKey: vapidKeys.privateKey, subject: "mailto:a@b.c" }),
    ).toThrow();
    expect(
      () =>
        new WebPushSender({
          publicKey: vapidKeys.publicKey,
          privateKey: vapidKeys.privateKey,
          subject: "ops",
        }),
    ).toThrow();
  });
});
