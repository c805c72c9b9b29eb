import { z } from "zod";
import { StoredNameSchema, TimezoneSchema } from "../../src/domain/shared/schemas.ts";
import { instant, rowTable } from "../runner/rowTables.ts";

export const userRow = z.object({
  id: z.string(),
  subject: z.string(),
  provider: z.string().nullable(),
  display_name: StoredNameSchema,
  role: z.enum(["user", "admin"]),
  timezone: TimezoneSchema.nullable(),
  quiet_hours_start: z.string().nullable(),
  quiet_hours_end: z.string().nullable(),
  do_not_disturb: z.boolean(),
  push_subscriptions: z.number(),
  registered_at: instant,
  updated_at: instant,
  revision: z.number(),
});
export type UserRow = z.output<typeof userRow>;

export const pushSubscriptionRow = z.object({
  user_id: z.string(),
  /** A hash of the endpoint: the endpoint itself can be longer than an index allows, and is not needed here. */
  endpoint_hash: z.string(),
  kind: z.string(),
  registered_at: instant,
});
export type PushSubscriptionRow = z.output<typeof pushSubscriptionRow>;

export const users = rowTable<UserRow>("users");
export const pushSubscriptions = rowTable<PushSubscriptionRow>("user_push_subscriptions");

/** A person as the API shows them. */
export interface UserView {
  id: string;
  subject: string;
  /** "dev" for dev-token sign-ins; null when the events do not say (the identity provider's users). */
  provider: string | null;
  displayName: string;
  role: "user" | "admin";
  timezone: string | null;
  quietHours: { start: string; end: string } | null;
  doNotDisturb: boolean;
  pushSubscriptionCount: number;
  registeredAt: string;
  updatedAt: string;
  /** The user stream's revision this row reflects. */
  revision: number;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    subject: row.subject,
    provider: row.provider,
    displayName: row.display_name,
    role: row.role,
    timezone: row.timezone,
    quietHours:
      row.quiet_hours_start && row.quiet_hours_end
        ? { start: row.quiet_hours_start, end: row.quiet_hours_end }
        : null,
    doNotDisturb: row.do_not_disturb,
    pushSubscriptionCount: row.push_subscriptions,
    registeredAt: row.registered_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}

/** A deletion the person asked for, until it is cancelled or carried out. */
export const accountDeletionRow = z.object({ user_id: z.string(), requested_at: instant, due_at: instant });
export type AccountDeletionRow = z.output<typeof accountDeletionRow>;
export const accountDeletions = rowTable<AccountDeletionRow>("account_deletions");
