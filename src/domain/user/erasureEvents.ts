import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { IdSchema, InstantSchema } from "../shared/schemas.ts";

/** The person asked for their account to be deleted; erasure happens at `dueAt` unless cancelled. */
export const AccountDeletionRequested = defineEvent(
  "AccountDeletionRequested",
  z.object({ userId: IdSchema, requestedAt: InstantSchema, dueAt: InstantSchema }),
);
export type AccountDeletionRequested = EventOf<typeof AccountDeletionRequested>;

export const AccountDeletionCancelled = defineEvent(
  "AccountDeletionCancelled",
  z.object({ userId: IdSchema, cancelledAt: InstantSchema }),
);
export type AccountDeletionCancelled = EventOf<typeof AccountDeletionCancelled>;

/**
 * The person's data key was destroyed: every personal field they ever wrote now reads as erased,
 * and read models drop their rows. `by` says whether their own request or an admin did it.
 */
export const PersonErased = defineEvent(
  "PersonErased",
  z.object({ userId: IdSchema, by: z.enum(["request", "admin"]), erasedAt: InstantSchema }),
);
export type PersonErased = EventOf<typeof PersonErased>;

export const erasureEventDefinitions = [
  AccountDeletionRequested,
  AccountDeletionCancelled,
  PersonErased,
] as const;

export type ErasureEvent = AccountDeletionRequested | AccountDeletionCancelled | PersonErased;
