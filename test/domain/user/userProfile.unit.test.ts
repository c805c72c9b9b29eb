import { describe, expect, it } from "vitest";
import { userDecider } from "../../../src/domain/user/decider.ts";
import type { UserEvent } from "../../../src/domain/user/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { later, now, registered, subscribed, subscription, userId } from "./fixtures.ts";

const user = spec(userDecider);

describe("RegisterUser", () => {
  const command = {
    type: "RegisterUser",
    userId,
    subject: "sub-1",
    displayName: "  Mia ",
    role: "user",
    now,
  } as const;

  it("registers a person with a trimmed display name", () => {
    user.given([]).when(command).then([registered]);
  });

  it("does nothing when the same sign-in registers again", () => {
    user.given([registered]).when(command).then([]);
  });

  it("rejects a user id already taken by another sign-in", () => {
    user
      .given([registered])
      .when({ ...command, subject: "sub-2" })
      .thenRejects("UserAlreadyRegistered", "CONFLICT");
  });

  it("rejects a sign-in without a subject", () => {
    user
      .given([])
      .when({ ...command, subject: " " })
      .thenRejects("SubjectRequired", "BAD_USER_INPUT");
  });

  it.each(["   ", "\u200B\u200D\uFEFF"])("rejects the empty display name %j", (displayName) => {
    user
      .given([])
      .when({ ...command, displayName })
      .thenRejects("DisplayNameRequired", "BAD_USER_INPUT");
  });

  it("rejects a display name over 60 characters", () => {
    user
      .given([])
      .when({ ...command, displayName: "x".repeat(61) })
      .thenRejects("DisplayNameTooLong", "BAD_USER_INPUT");
  });
});

function registeredProfile() {
  return { userId, displayName: "Mia", quietHours: null, doNotDisturb: false };
}

describe("UpdateUserProfile", () => {
  const base = { type: "UpdateUserProfile", userId, now: later } as const;

  it("writes the whole profile after the change", () => {
    user
      .given([registered])
      .when({
        ...base,
        timezone: "Europe/Paris",
        quietHours: { start: "22:30", end: "07:00" },
        doNotDisturb: true,
      })
      .then([
        {
          type: "UserProfileUpdated",
          data: {
            userId,
            displayName: "Mia",
            timezone: "Europe/Paris",
            quietHours: { start: "22:30", end: "07:00" },
            doNotDisturb: true,
            updatedAt: later,
          },
        },
      ]);
  });

  it("clears the quiet hours with null and keeps the rest", () => {
    const given: UserEvent[] = [
      registered,
      {
        type: "UserProfileUpdated",
        data: {
          userId,
          displayName: "Mia",
          timezone: "Asia/Tokyo",
          quietHours: { start: "23:00", end: "06:00" },
          doNotDisturb: false,
          updatedAt: now,
        },
      },
    ];
    user
      .given(given)
      .when({ ...base, quietHours: null })
      .thenMatches([
        {
          type: "UserProfileUpdated",
          data: expect.objectContaining({ timezone: "Asia/Tokyo", quietHours: null }),
        },
      ]);
  });

  it("writes nothing when nothing changes", () => {
    user
      .given([registered])
      .when({ ...base, displayName: "Mia", doNotDisturb: false })
      .then([]);
  });

  it("rejects an unknown user", () => {
    user
      .given([])
      .when({ ...base, doNotDisturb: true })
      .thenRejects("UserNotFound", "NOT_FOUND");
  });

  it("rejects an empty display name", () => {
    user
      .given([registered])
      .when({ ...base, displayName: "" })
      .thenRejects("DisplayNameRequired");
  });

  it("rejects a display name over 60 characters", () => {
    user
      .given([registered])
      .when({ ...base, displayName: "é".repeat(61) })
      .thenRejects("DisplayNameTooLong");
  });

  it("stores a time zone by its canonical name however it was typed", () => {
    user
      .given([registered])
      .when({ ...base, timezone: "europe/berlin" })
      .thenMatches([
        { type: "UserProfileUpdated", data: expect.objectContaining({ timezone: "Europe/Berlin" }) },
      ]);
  });

  it("writes nothing when the time zone is the stored one spelt another way", () => {
    const berlin = {
      type: "UserProfileUpdated",
      data: { ...registeredProfile(), timezone: "Europe/Berlin", updatedAt: later },
    } as const;
    user
      .given([registered, berlin])
      .when({ ...base, timezone: "EUROPE/BERLIN" })
      .then([]);
  });

  it.each(["Mars/Olympus", "+01:00", "", "Europe/"])("rejects the time zone %j", (timezone) => {
    user
      .given([registered])
      .when({ ...base, timezone })
      .thenRejects("InvalidTimezone", "BAD_USER_INPUT");
  });

  it.each([
    { start: "22:00", end: "22:00" },
    { start: "24:00", end: "07:00" },
    { start: "7:00", end: "08:00" },
  ])("rejects quiet hours %j", (quietHours) => {
    user
      .given([registered])
      .when({ ...base, quietHours })
      .thenRejects("InvalidQuietHours", "BAD_USER_INPUT");
  });
});

describe("user state", () => {
  it("keeps the profile and the devices to notify", () => {
    const { state } = user.given([
      registered,
      subscribed,
      {
        type: "UserProfileUpdated",
        data: {
          userId,
          displayName: "Mi",
          timezone: "UTC",
          quietHours: null,
          doNotDisturb: true,
          updatedAt: later,
        },
      },
    ]);
    expect(state.profile).toEqual({
      displayName: "Mi",
      timezone: "UTC",
      quietHours: null,
      doNotDisturb: true,
    });
    expect(state.pushSubscriptions).toEqual([subscription]);
  });
});
