import { createHash } from "node:crypto";
import { assertNever } from "../../src/domain/shared/decider.ts";
import type { UserEvent } from "../../src/domain/user/events.ts";
import { defineProjection, type ProjectedOf, type RowStore } from "../runner/projection.ts";
import { accountDeletions, pushSubscriptions, users } from "./rows.ts";

const handled = [
  "UserRegistered",
  "UserProfileUpdated",
  "PushSubscriptionRegistered",
  "PushSubscriptionRemoved",
  "AccountDeletionRequested",
  "AccountDeletionCancelled",
  "PersonErased",
] as const satisfies readonly UserEvent["type"][];

/** Dev tokens sign in as `dev` or `dev:<name>`; other subjects come from the identity provider. */
export function providerOf(subject: string): string | null {
  return subject === "dev" || subject.startsWith("dev:") ? "dev" : null;
}

const endpointHash = (endpoint: string) => createHash("sha256").update(endpoint).digest("hex");

/**
 * People: profile, role, notification preferences and how many devices can be notified. `revision`
 * follows every event of the user's stream, so the API can wait for a write to show.
 */
export const usersProjection = defineProjection({
  name: "users",
  version: 3,
  tables: [
    {
      name: users.name,
      columns: `id text not null, subject text not null, provider text, display_name text not null,
        role text not null, timezone text, quiet_hours_start text, quiet_hours_end text,
        do_not_disturb boolean not null, push_subscriptions int not null,
        registered_at timestamptz not null, updated_at timestamptz not null, revision int not null`,
      primaryKey: ["id"],
      indexes: ["(subject)"],
    },
    {
      name: pushSubscriptions.name,
      columns:
        "user_id text not null, endpoint_hash text not null, kind text not null, registered_at timestamptz not null",
      primaryKey: ["user_id", "endpoint_hash"],
    },
    {
      name: accountDeletions.name,
      columns: "user_id text not null, requested_at timestamptz not null, due_at timestamptz not null",
      primaryKey: ["user_id"],
      indexes: ["(due_at)"],
    },
  ],
  canHandle: handled,
  evolve: (event, rows) => evolve(event as ProjectedOf<UserEvent>, rows),
});

async function evolve(event: ProjectedOf<UserEvent>, rows: RowStore): Promise<void> {
  const revision = event.revision;
  switch (event.type) {
    case "UserRegistered": {
      const { userId, subject, displayName, role, registeredAt } = event.data;
      users.put(rows, {
        id: userId,
        subject,
        provider: providerOf(subject),
        display_name: displayName,
        role,
        timezone: null,
        quiet_hours_start: null,
        quiet_hours_end: null,
        do_not_disturb: false,
        push_subscriptions: 0,
        registered_at: registeredAt,
        updated_at: registeredAt,
        revision,
      });
      return;
    }
    case "UserProfileUpdated": {
      const { userId, displayName, timezone, quietHours, doNotDisturb, updatedAt } = event.data;
      await users.patch(
        rows,
        { id: userId },
        {
          display_name: displayName,
          timezone,
          quiet_hours_start: quietHours?.start ?? null,
          quiet_hours_end: quietHours?.end ?? null,
          do_not_disturb: doNotDisturb,
          updated_at: updatedAt,
          revision,
        },
      );
      return;
    }
    case "PushSubscriptionRegistered": {
      const { userId, kind, endpoint, registeredAt } = event.data;
      const key = { user_id: userId, endpoint_hash: endpointHash(endpoint) };
      const known = await pushSubscriptions.get(rows, key);
      pushSubscriptions.put(rows, { ...key, kind, registered_at: known?.registered_at ?? registeredAt });
      const user = await users.get(rows, { id: userId });
      if (!user) return;
      users.put(
        rows,
        known
          ? { ...user, revision }
          : {
              ...user,
              push_subscriptions: user.push_subscriptions + 1,
              updated_at: registeredAt,
              revision,
            },
      );
      return;
    }
    case "PushSubscriptionRemoved": {
      const { userId, endpoint, removedAt } = event.data;
      const key = { user_id: userId, endpoint_hash: endpointHash(endpoint) };
      const known = await pushSubscriptions.get(rows, key);
      if (known) pushSubscriptions.delete(rows, key);
      const user = await users.get(rows, { id: userId });
      if (!user) return;
      users.put(
        rows,
        !known
          ? { ...user, revision }
          : {
              ...user,
              push_subscriptions: Math.max(0, user.push_subscriptions - 1),
              updated_at: removedAt,
              revision,
            },
      );
      return;
    }
    case "AccountDeletionRequested": {
      const { userId, requestedAt, dueAt } = event.data;
      accountDeletions.put(rows, { user_id: userId, requested_at: requestedAt, due_at: dueAt });
      await users.patch(rows, { id: userId }, { revision });
      return;
    }
    case "AccountDeletionCancelled":
      accountDeletions.delete(rows, { user_id: event.data.userId });
      await users.patch(rows, { id: event.data.userId }, { revision });
      return;
    case "PersonErased":
      // Push subscriptions and the deletion request go with every table that has a user_id.
      users.delete(rows, { id: event.data.userId });
      return;
    default:
      return assertNever(event);
  }
}
