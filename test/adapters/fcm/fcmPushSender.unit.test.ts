import { describe, expect, it } from "vitest";
import { isExpiredToken, toFcmMessage } from "../../../src/adapters/fcm/fcmPushSender.ts";
import type { PushNotification } from "../../../src/ports/pushSender.ts";

const notification: PushNotification = {
  title: "Marcus Reed",
  body: "Finally nailed a latte-art swan.",
  url: "/chat/marcus",
  tag: "conversation-marcus",
  ttlSeconds: 21_600,
  urgency: "high",
};

describe("toFcmMessage", () => {
  it("maps a notification to an HTTP v1 message for one registration token", () => {
    expect(toFcmMessage("token-1", notification)).toEqual({
      token: "token-1",
      notification: { title: "Marcus Reed", body: "Finally nailed a latte-art swan." },
      data: { url: "/chat/marcus", tag: "conversation-marcus" },
      android: {
        ttl: 21_600_000,
        priority: "high",
        collapseKey: "conversation-marcus",
        notification: { tag: "conversation-marcus", clickAction: "/chat/marcus" },
      },
      webpush: {
        headers: { TTL: "21600", Urgency: "high" },
        notification: { tag: "conversation-marcus" },
        fcmOptions: { link: "/chat/marcus" },
      },
      apns: {
        headers: { "apns-priority": "10", "apns-collapse-id": "conversation-marcus" },
        payload: { aps: { threadId: "conversation-marcus" } },
      },
    });
  });

  it("asks for normal priority when the notification can wait", () => {
    const message = toFcmMessage("token-1", { ...notification, urgency: "normal" });
    expect(message.android?.priority).toBe("normal");
    expect(message.apns?.headers?.["apns-priority"]).toBe("5");
  });
});

describe("isExpiredToken", () => {
  it("treats only an unregistered token as gone", () => {
    expect(isExpiredToken({ code: "messaging/registration-token-not-registered" })).toBe(true);
    expect(isExpiredToken({ code: "messaging/server-unavailable" })).toBe(false);
    expect(isExpiredToken(new Error("network"))).toBe(false);
    expect(isExpiredToken(null)).toBe(false);
  });
});
