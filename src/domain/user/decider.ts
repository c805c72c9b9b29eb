import { assertNever, type Decider, DomainError } from "../shared/decider.ts";
import type { RegisterUser, UpdateUserProfile, UserCommand } from "./commands.ts";
import {
  cancelAccountDeletion,
  type ErasureState,
  erasePerson,
  evolveErasure,
  refuseErased,
  requestAccountDeletion,
} from "./erasure.ts";
import type { UserEvent, UserRole } from "./events.ts";
import {
  type PushSubscriptionsState,
  registerPushSubscription,
  removePushSubscription,
} from "./pushSubscriptions.ts";
import { checkDisplayName, checkQuietHours, checkTimezone, sameProfile, type UserProfile } from "./rules.ts";

export type { UserProfile } from "./rules.ts";

export interface UserState extends ErasureState, PushSubscriptionsState {
  registered: boolean;
  userId: string | null;
  subject: string | null;
  role: UserRole;
  profile: UserProfile;
}

function initialState(): UserState {
  return {
    registered: false,
    userId: null,
    subject: null,
    role: "user",
    profile: { displayName: "", timezone: null, quietHours: null, doNotDisturb: false },
    pushSubscriptions: [],
    deletionDueAt: null,
    erasedAt: null,
  };
}

function evolve(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case "UserRegistered":
      return {
        ...state,
        registered: true,
        userId: event.data.userId,
        subject: event.data.subject,
        role: event.data.role,
        profile: { ...state.profile, displayName: event.data.displayName },
      };
    case "UserProfileUpdated": {
      const { displayName, timezone, quietHours, doNotDisturb } = event.data;
      return { ...state, profile: { displayName, timezone, quietHours, doNotDisturb } };
    }
    case "PushSubscriptionRegistered": {
      const { kind, endpoint, keys } = event.data;
      const others = state.pushSubscriptions.filter((s) => s.endpoint !== endpoint);
      return { ...state, pushSubscriptions: [...others, { kind, endpoint, keys }] };
    }
    case "PushSubscriptionRemoved":
      return {
        ...state,
        pushSubscriptions: state.pushSubscriptions.filter((s) => s.endpoint !== event.data.endpoint),
      };
    case "AccountDeletionRequested":
    case "AccountDeletionCancelled":
    case "PersonErased":
      return evolveErasure(state, event);
    default:
      return assertNever(event);
  }
}

function decide(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case "RegisterUser":
      return registerUser(command, refuseErased(state));
    case "UpdateUserProfile":
      return updateProfile(command, refuseErased(requireRegistered(state)));
    case "RegisterPushSubscription":
      return registerPushSubscription(command, refuseErased(requireRegistered(state)));
    case "RemovePushSubscription":
      return removePushSubscription(command, refuseErased(requireRegistered(state)));
    case "RequestAccountDeletion":
      return requestAccountDeletion(command, refuseErased(requireRegistered(state)));
    case "CancelAccountDeletion":
      return cancelAccountDeletion(command, refuseErased(requireRegistered(state)));
    case "ErasePerson":
      return erasePerson(command, requireKnownPerson(state));
    default:
      return assertNever(command);
  }
}

export const userDecider: Decider<UserState, UserCommand, UserEvent> = { initialState, evolve, decide };

/** Erasing is asked for by an admin or the schedule, about someone else: "sign in again" would not fit. */
function requireKnownPerson(state: UserState): UserState {
  if (!state.registered)
    throw new DomainError("PersonNotFound", "NOT_FOUND", "No such person: they never signed in.");
  return state;
}

function requireRegistered(state: UserState): UserState {
  if (!state.registered) throw new DomainError("UserNotFound", "NOT_FOUND", "No such user; sign in again.");
  return state;
}

function registerUser(command: RegisterUser, state: UserState): UserEvent[] {
  if (state.registered) {
    if (state.subject === command.subject) return [];
    throw new DomainError(
      "UserAlreadyRegistered",
      "CONFLICT",
      "This user id already belongs to another sign-in; use a new user id.",
    );
  }
  if (command.subject.trim().length === 0)
    throw new DomainError("SubjectRequired", "BAD_USER_INPUT", "The sign-in has no subject; sign in again.");
  const displayName = checkDisplayName(command.displayName);
  return [
    {
      type: "UserRegistered",
      data: {
        userId: command.userId,
        subject: command.subject,
        displayName,
        role: command.role,
        registeredAt: command.now,
      },
    },
  ];
}

function updateProfile(command: UpdateUserProfile, state: UserState): UserEvent[] {
  const current = state.profile;
  const next: UserProfile = {
    displayName:
      command.displayName === undefined ? current.displayName : checkDisplayName(command.displayName),
    timezone: command.timezone === undefined ? current.timezone : checkTimezone(command.timezone),
    quietHours: command.quietHours === undefined ? current.quietHours : checkQuietHours(command.quietHours),
    doNotDisturb: command.doNotDisturb ?? current.doNotDisturb,
  };
  if (sameProfile(current, next)) return [];
  return [{ type: "UserProfileUpdated", data: { userId: state.userId!, ...next, updatedAt: command.now } }];
}
