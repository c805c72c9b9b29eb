import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FcmPushSender } from "../../../src/adapters/fcm/fcmPushSender.ts";
import type { PushNotification } from "../../../src/ports/pushSender.ts";
import { plainTcpAgent } from "../../support/fakes/pushServiceFake.ts";
import { type FcmFake, startFcmFake } from "./fcmFake.ts";

// The real firebase-admin messaging client against a local fake of the FCM v1 endpoint. The OAuth
// exchange of a service-account key happens inside google-auth-library, which cannot be pointed at a
// fake, so the test hands over an access token directly; sending through real FCM needs the network.
const notification: PushNotification = {
  title: "Aiko Tanaka",
  body: "Guess what: blossom everywhere.",
  url: "/chat/aiko",
  tag: "conversation-aiko",
  ttlSeconds: 86_400,
  urgency: "normal",
};

let fake: FcmFake;
let sender: FcmPushSender;

beforeAll(async () => {
  fake = await startFcmFake();
  sender = new FcmPushSender({
    projectId: "withme-test",
    appName: "fcm-int-test",
    credential: { getAccessToken: async () => ({ access_token: fake.accessToken, expires_in: 3600 }) },
    httpAgent: plainTcpAgent(fake.port),
  });
});

afterAll(async () => {
  await sender?.close();
  await fake?.close();
});

describe("FcmPushSender with the real firebase-admin client", () => {
  it("sends the mapped message to the project's send endpoint", async () => {
    expect(await sender.send({ kind: "fcm", endpoint: "device-token-1", keys: null }, notification)).toEqual({
      delivered: true,
    });
    const [sent] = fake.sent;
    expect(sent).toMatchObject({ projectId: "withme-test", host: "fcm.googleapis.com" });
    expect(sent!.message).toMatchObject({
      token: "device-token-1",
      notification: { title: "Aiko Tanaka", body: "Guess what: blossom everywhere." },
      data: { url: "/chat/aiko", tag: "conversation-aiko" },
      android: { ttl: "86400s", priority: "normal" },
    });
  });

  it("reports an unregistered token as expired", async () => {
    fake.unregistered.add("gone-token");
    expect(await sender.send({ kind: "fcm", endpoint: "gone-token", keys: null }, notification)).toEqual({
      expired: true,
    });
  });

  it("throws a final error when FCM rejects the message", async () => {
    fake.invalid.add("bad-token");
    const sending = sender.send({ kind: "fcm", endpoint: "bad-token", keys: null }, notification);
    await expect(sending).rejects.toMatchObject({ name: "PushSendError", retryable: false });
  });
});
