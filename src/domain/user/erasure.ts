import { assertNever, DomainError } from "../shared/decider.ts";
import type { ErasureEvent } from "./erasureEvents.ts";

/** The person asks for their account to go; it is erased at `dueAt`, after the grace period. */
export interface RequestAccountDeletion {
  type: "RequestAccountDeletion";
  userId: string;
  dueAt: string;
  now: string;
}

export interface CancelAccountDeletion {
  type: "CancelAccountDeletion";
  userId: string;
  now: string;
}

/** Erase at once (`admin`) or because the person's own request fell due (`request`). */
export interface ErasePerson {
  type: "ErasePerson";
  userId: string;
  by: "request" | "admin";
  now: string;
}

export type ErasureCommand = RequestAccountDeletion | CancelAccountDeletion | ErasePerson;

export interface ErasureState {
  registered: boolean;
  /** When a requested deletion falls due; null when none is pending. */
  deletionDueAt: string | null;
  erasedAt: string | null;
}

export function evolveErasure<S extends ErasureState>(state: S, event: ErasureEvent): S {
  switch (event.type) {
    case "AccountDeletionRequested":
      return { ...state, deletionDueAt: event.data.dueAt };
    case "AccountDeletionCancelled":
      return { ...state, deletionDueAt: null };
    case "PersonErased":
      return { ...state, deletionDueAt: null, erasedAt: event.data.erasedAt };
    default:
      return assertNever(event);
  }
}

/** Nothing more happens to an erased person's account. */
export function refuseErased<S extends ErasureState>(state: S): S {
  if (state.erasedAt !== null)
    throw new DomainError(
      "PersonWasErased",
      "FORBIDDEN",
      "This account was deleted and its data erased; sign up again to start afresh.",
    );
  return state;
}

/** Asking again while a deletion is pending writes nothing: the first request's due time stands. */
export function requestAccountDeletion(command: RequestAccountDeletion, state: ErasureState): ErasureEvent[] {
  if (state.deletionDueAt !== null) return [];
  return [
    {
      type: "AccountDeletionRequested",
      data: { userId: command.userId, requestedAt: command.now, dueAt: command.dueAt },
    },
  ];
}

/** Cancelling when nothing is pending (a retried cancel) writes nothing. */
export function cancelAccountDeletion(command: CancelAccountDeletion, state: ErasureState): ErasureEvent[] {
  if (state.deletionDueAt === null) return [];
  return [{ type: "AccountDeletionCancelled", data: { userId: command.userId, cancelledAt: command.now } }];
}

/** Erasing again writes nothing, so an interrupted erasure can simply run once more. */
export function erasePerson(command: ErasePerson, state: ErasureState): ErasureEvent[] {
  if (state.erasedAt !== null) return [];
  if (command.by === "request") {
    if (state.deletionDueAt === null)
      throw new DomainError("NoAccountDeletionRequested", "CONFLICT", "No account deletion is pending.");
    if (Date.parse(state.deletionDueAt) > Date.parse(command.now))
      throw new DomainError(
        "AccountDeletionNotDue",
        "CONFLICT",
        `The account is due for deletion at ${state.deletionDueAt}, not before.`,
      );
  }
  return [{ type: "PersonErased", data: { userId: command.userId, by: command.by, erasedAt: command.now } }];
}
