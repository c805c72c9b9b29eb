import { z } from "zod";
import { defineEvent, type EventOf } from "../shared/eventCatalogue.ts";
import { ClockTimeSchema, IdSchema, InstantSchema, nameSchema, TimezoneSchema } from "../shared/schemas.ts";
import { type ErasureEvent, erasureEventDefinitions } from "./erasureEvents.ts";

export const USER_ROLES = ["user", "admin"] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.output<typeof UserRoleSchema>;

export const DISPLAY_NAME_MAX = 60;
export const DisplayNameSchema = nameSchema(DISPLAY_NAME_MAX);

/** A daily window in the person's time zone; `end` before `start` runs past midnight. */
export const QuietHoursSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((q) => q.start !== q.end, { message: "quiet hours need different start and end times" });
export type QuietHours = z.output<typeof QuietHoursSchema>;

export const PUSH_KINDS = ["webpush", "fcm"] as const;
export const PushKindSchema = z.enum(PUSH_KINDS);
export type PushKind = z.output<typeof PushKindSchema>;

export const PushKeysSchema = z.object({
  p256dh: z.string().min(1).max(512),
  auth: z.string().min(1).max(512),
});
export type PushKeys = z.output<typeof PushKeysSchema>;

export const UserRegistered = defineEvent(
  "UserRegistered",
  z.object({
    userId: IdSchema,
    /** The identity provider's subject (`sub`) this user signs in as. */
    subject: z.string().min(1).max(255),
    displayName: DisplayNameSchema,
    role: UserRoleSchema,
    registeredAt: InstantSchema,
  }),
);
export type UserRegistered = EventOf<typeof UserRegistered>;

/** The whole profile after the change; `timezone`, quiet hours and do-not-disturb gate agent-initiated messages. */
export const UserProfileUpdated = defineEvent(
  "UserProfileUpdated",
  z.object({
    userId: IdSchema,
    displayName: DisplayNameSchema,
    timezone: TimezoneSchema.nullable(),
    quietHours: QuietHoursSchema.nullable(),
    doNotDisturb: z.boolean(),
    updatedAt: InstantSchema,
  }),
);
export type UserProfileUpdated = EventOf<typeof UserProfileUpdated>;

/** A device to notify. Web Push needs the browser's keys; for FCM the endpoint is the registration token. */
export const PushSubscriptionRegistered = defineEvent(
  "PushSubscriptionRegistered",
  z
    .object({
      userId: IdSchema,
      kind: PushKindSchema,
      endpoint: z.string().min(1).max(4096),
      keys: PushKeysSchema.nullable(),
      registeredAt: InstantSchema,
    })
    .refine((s) => s.kind !== "webpush" || s.keys !== null, {
      message: "a Web Push subscription needs keys",
    }),
);
export type PushSubscriptionRegistered = EventOf<typeof PushSubscriptionRegistered>;

export const PushSubscriptionRemoved = defineEvent(
  "PushSubscriptionRemoved",
  z.object({
    userId: IdSchema,
    endpoint: z.string().min(1).max(4096),
    reason: z.enum(["unsubscribed", "expired"]),
    removedAt: InstantSchema,
  }),
);
export type PushSubscriptionRemoved = EventOf<typeof PushSubscriptionRemoved>;

export const userEventDefinitions = [
  UserRegistered,
  UserProfileUpdated,
  PushSubscriptionRegistered,
  PushSubscriptionRemoved,
  ...erasureEventDefinitions,
] as const;

export type UserEvent =
  | UserRegistered
  | UserProfileUpdated
  | PushSubscriptionRegistered
  | PushSubscriptionRemoved
  | ErasureEvent;
