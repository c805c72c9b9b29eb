import { describe, it } from "vitest";
import { userDecider } from "../../../src/domain/user/decider.ts";
import type { UserEvent } from "../../../src/domain/user/events.ts";
import { spec } from "../../support/deciderSpec.ts";
import { later, now, registered, userId } from "./fixtures.ts";

const user = spec(userDecider);

const requested: UserEvent = {
  type: "AccountDeletionRequested",
  data: { userId, requestedAt: now, dueAt: later },
};
const cancelled: UserEvent = { type: "AccountDeletionCancelled", data: { userId, cancelledAt: now } };
const erased: UserEvent = { type: "PersonErased", data: { userId, by: "admin", erasedAt: now } };

describe("RequestAccountDeletion", () => {
  const command = { type: "RequestAccountDeletion", userId, dueAt: later, now } as const;

  it("schedules the deletion for the end of the grace period", () => {
    user.given([registered]).when(command).then([requested]);
  });

  it("can be asked again once cancelled", () => {
    user.given([registered, requested, cancelled]).when(command).then([requested]);
  });

  it("writes nothing for a second request while one is pending, so a retry succeeds", () => {
    user
      .given([registered, requested])
      .when({ ...command, dueAt: "2031-01-01T00:00:00.000Z", now: later })
      .then([]);
  });

  it("rejects an unknown user", () => {
    user.given([]).when(command).thenRejects("UserNotFound", "NOT_FOUND");
  });

  it("rejects an erased person", () => {
    user.given([registered, erased]).when(command).thenRejects("PersonWasErased", "FORBIDDEN");
  });
});

describe("CancelAccountDeletion", () => {
  const command = { type: "CancelAccountDeletion", userId, now } as const;

  it("cancels the pending deletion", () => {
    user.given([registered, requested]).when(command).then([cancelled]);
  });

  it("writes nothing when no deletion is pending, so a retried cancel succeeds", () => {
    user.given([registered]).when(command).then([]);
    user.given([registered, requested, cancelled]).when(command).then([]);
  });

  it("rejects an unknown user", () => {
    user.given([]).when(command).thenRejects("UserNotFound", "NOT_FOUND");
  });

  it("rejects once the person was erased", () => {
    user.given([registered, requested, erased]).when(command).thenRejects("PersonWasErased", "FORBIDDEN");
  });
});

describe("ErasePerson", () => {
  it("erases at once when an admin asks", () => {
    user.given([registered]).when({ type: "ErasePerson", userId, by: "admin", now }).then([erased]);
  });

  it("erases on the person's request once it is due", () => {
    user
      .given([registered, requested])
      .when({ type: "ErasePerson", userId, by: "request", now: later })
      .then([{ type: "PersonErased", data: { userId, by: "request", erasedAt: later } }]);
  });

  it("writes nothing for a person already erased", () => {
    user.given([registered, erased]).when({ type: "ErasePerson", userId, by: "admin", now }).then([]);
  });

  it("rejects a request that is not due yet", () => {
    user
      .given([registered, requested])
      .when({ type: "ErasePerson", userId, by: "request", now })
      .thenRejects("AccountDeletionNotDue", "CONFLICT");
  });

  it("rejects a request that was cancelled", () => {
    user
      .given([registered, requested, cancelled])
      .when({ type: "ErasePerson", userId, by: "request", now: later })
      .thenRejects("NoAccountDeletionRequested", "CONFLICT");
  });

  it("rejects an unknown person as not found, without telling the admin to sign in again", () => {
    user
      .given([])
      .when({ type: "ErasePerson", userId, by: "admin", now })
      .thenRejects("PersonNotFound", "NOT_FOUND");
  });
});

describe("an erased person", () => {
  it("cannot change their profile", () => {
    user
      .given([registered, erased])
      .when({ type: "UpdateUserProfile", userId, displayName: "Back", now: later })
      .thenRejects("PersonWasErased", "FORBIDDEN");
  });

  it("cannot register again under the same id", () => {
    user
      .given([registered, erased])
      .when({ type: "RegisterUser", userId, subject: "sub-1", displayName: "Mia", role: "user", now: later })
      .thenRejects("PersonWasErased", "FORBIDDEN");
  });
});
