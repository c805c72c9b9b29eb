import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usersProjection } from "../../../projections/users/projection.ts";
import { getUserById, getUserBySubject } from "../../../projections/users/queries.ts";
import { userStreamId } from "../../support/domainEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

const registeredAt = "2025-05-01T09:00:00.000Z";
const updatedAt = "2025-05-02T10:30:00.000Z";

describe("users projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([usersProjection]);
  });
  afterAll(() => h.close());

  it("projects registration, the profile and the count of push subscriptions", async () => {
    await h.append(userStreamId("u1"), [
      {
        type: "UserRegistered",
        data: { userId: "u1", subject: "dev:ada", displayName: "Ada", role: "user", registeredAt },
      },
      {
        type: "UserProfileUpdated",
        data: {
          userId: "u1",
          displayName: "Ada L.",
          timezone: "Europe/London",
          quietHours: { start: "22:00", end: "07:00" },
          doNotDisturb: true,
          updatedAt,
        },
      },
      {
        type: "PushSubscriptionRegistered",
        data: {
          userId: "u1",
          kind: "webpush",
          endpoint: "https://push.example/a",
          keys: { p256dh: "key", auth: "auth" },
          registeredAt: updatedAt,
        },
      },
      {
        type: "PushSubscriptionRegistered",
        data: { userId: "u1", kind: "fcm", endpoint: "fcm-token-b", keys: null, registeredAt: updatedAt },
      },
      {
        type: "PushSubscriptionRegistered",
        data: { userId: "u1", kind: "fcm", endpoint: "fcm-token-b", keys: null, registeredAt: updatedAt },
      },
      {
        type: "PushSubscriptionRemoved",
        data: { userId: "u1", endpoint: "https://push.example/a", reason: "expired", removedAt: updatedAt },
      },
      {
        type: "PushSubscriptionRemoved",
        data: { userId: "u1", endpoint: "https://push.example/a", reason: "expired", removedAt: updatedAt },
      },
    ]);
    await h.append(userStreamId("u2"), [
      {
        type: "UserRegistered",
        data: { userId: "u2", subject: "8d1c0b9e-sub", displayName: "Bo", role: "admin", registeredAt },
      },
    ]);
    await h.settle();

    expect(await getUserById(h.pool, { id: "u1" })).toEqual({
      id: "u1",
      subject: "dev:ada",
      provider: "dev",
      displayName: "Ada L.",
      role: "user",
      timezone: "Europe/London",
      quietHours: { start: "22:00", end: "07:00" },
      doNotDisturb: true,
      pushSubscriptionCount: 1,
      registeredAt,
      updatedAt,
      revision: 6,
    });
    expect(await getUserBySubject(h.pool, { subject: "8d1c0b9e-sub" })).toMatchObject({
      id: "u2",
      provider: null,
      role: "admin",
      timezone: null,
      quietHours: null,
      doNotDisturb: false,
      pushSubscriptionCount: 0,
      updatedAt: registeredAt,
    });
    expect(await getUserById(h.pool, { id: "nobody" })).toBeNull();
    expect(await getUserBySubject(h.pool, { subject: "nobody" })).toBeNull();
  });
});
