import type { UserEvent } from "../../../src/domain/user/events.ts";

export const now = "2025-05-01T09:00:00.000Z";
export const later = "2025-05-02T09:00:00.000Z";
export const userId = "u1";

export const registered: UserEvent = {
  type: "UserRegistered",
  data: { userId, subject: "sub-1", displayName: "Mia", role: "user", registeredAt: now },
};
export const subscription = {
  kind: "webpush" as const,
  endpoint: "https://push.example.com/abc",
  keys: { p256dh: "key", auth: "secret" },
};
export const subscribed: UserEvent = {
  type: "PushSubscriptionRegistered",
  data: { userId, ...subscription, registeredAt: now },
};
