import { describe, it } from "vitest";
import { userDecider } from "../../../src/domain/user/decider.ts";
import type { UserEvent } from "../../../src/domain/user/events.ts";
import { MAX_PUSH_SUBSCRIPTIONS } from "../../../src/domain/user/pushSubscriptions.ts";
import { spec } from "../../support/deciderSpec.ts";
import { later, now, registered, subscribed, subscription, userId } from "./fixtures.ts";

const user = spec(userDecider);

describe("RegisterPushSubscription", () => {
  const command = { type: "RegisterPushSubscription", userId, ...subscription, now } as const;

  it("registers a Web Push subscription", () => {
    user.given([registered]).when(command).then([subscribed]);
  });

  it("registers an FCM token without keys", () => {
    user
      .given([registered])
      .when({ ...command, kind: "fcm", endpoint: "fcm-token", keys: null })
      .then([
        {
          type: "PushSubscriptionRegistered",
          data: { userId, kind: "fcm", endpoint: "fcm-token", keys: null, registeredAt: now },
        },
      ]);
  });

  it("does nothing for a subscription already registered", () => {
    user.given([registered, subscribed]).when(command).then([]);
  });

  it("registers again when the browser's keys changed", () => {
    user
      .given([registered, subscribed])
      .when({ ...command, keys: { p256dh: "new", auth: "new" } })
      .thenMatches([{ type: "PushSubscriptionRegistered" }]);
  });

  it("rejects an unknown user", () => {
    user.given([]).when(command).thenRejects("UserNotFound", "NOT_FOUND");
  });

  it.each([
    { endpoint: "http://push.example.com/abc" },
    { keys: null },
    { keys: { p256dh: "", auth: "x" } },
    { endpoint: "not a url" },
  ])("rejects an unusable Web Push subscription %j", (change) => {
    user
      .given([registered])
      .when({ ...command, ...change })
      .thenRejects("InvalidPushSubscription", "BAD_USER_INPUT");
  });

  it.each([
    "https://127.0.0.1:8443/push",
    "https://169.254.169.254/latest/meta-data",
    "https://localhost:5432/",
    "https://[::1]/push",
    "https://10.1.2.3/push",
    "https://192.168.1.20/push",
    "https://[::ffff:127.0.0.1]/push",
    "https://2130706433/push",
    "https://metadata.google.internal/push",
    "https://printer.local/push",
  ])("rejects a Web Push endpoint on this machine or a private network: %s", (endpoint) => {
    user
      .given([registered])
      .when({ ...command, endpoint })
      .thenRejects("PushEndpointNotPublic", "BAD_USER_INPUT");
  });

  it("rejects an eleventh device", () => {
    const given: UserEvent[] = [registered];
    for (let i = 0; i < MAX_PUSH_SUBSCRIPTIONS; i++)
      given.push({
        type: "PushSubscriptionRegistered",
        data: { userId, kind: "fcm", endpoint: `token-${i}`, keys: null, registeredAt: now },
      });
    user.given(given).when(command).thenRejects("TooManyPushSubscriptions", "CONFLICT");
  });
});

describe("RemovePushSubscription", () => {
  const command = {
    type: "RemovePushSubscription",
    userId,
    endpoint: subscription.endpoint,
    reason: "expired",
    now: later,
  } as const;

  it("removes a registered subscription", () => {
    user
      .given([registered, subscribed])
      .when(command)
      .then([
        {
          type: "PushSubscriptionRemoved",
          data: { userId, endpoint: subscription.endpoint, reason: "expired", removedAt: later },
        },
      ]);
  });

  it("does nothing for a subscription already gone", () => {
    user.given([registered]).when(command).then([]);
  });

  it("rejects an unknown user", () => {
    user.given([]).when(command).thenRejects("UserNotFound", "NOT_FOUND");
  });
});
