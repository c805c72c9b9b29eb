import { setTimeout as sleep } from "node:timers/promises";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import { getUserById } from "../../../projections/users/queries.ts";
import { defaultInitiationConfig } from "../../application/life/initiationPolicy.ts";
import type { UserSnapshot } from "../../application/users/profile.ts";
import type { QuietHours } from "../../domain/user/events.ts";
import { builder } from "../builder.ts";
import { type GraphQLContext, viewerOf } from "../context.ts";
import { enumOf } from "./shared.ts";

const fallbackQuiet = defaultInitiationConfig.defaultQuietHours;
const quietDefault = fallbackQuiet ? `${fallbackQuiet.start} to ${fallbackQuiet.end}` : "none";

export const RoleEnum = enumOf("Role", ["user", "admin"] as const, "What a signed-in person may do.");

interface UserShape {
  id: string;
  displayName: string;
  role: "user" | "admin";
  timezone: string | null;
  quietHours: QuietHours | null;
  doNotDisturb: boolean;
  pushSubscriptions: number;
  registeredAt: string | null;
}

export const QuietHoursRef = builder.objectRef<QuietHours>("QuietHours").implement({
  description: "A daily window in the person's time zone when agents do not write first.",
  fields: (t) => ({
    start: t.exposeString("start", { description: "HH:MM, 24-hour." }),
    end: t.exposeString("end", { description: "HH:MM, 24-hour; before `start` when it runs past midnight." }),
  }),
});

export const UserRef = builder.objectRef<UserShape>("User").implement({
  description: "A person who signs in.",
  fields: (t) => ({
    id: t.exposeID("id"),
    displayName: t.exposeString("displayName"),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    timezone: t.exposeString("timezone", { nullable: true, description: "IANA time zone, when set." }),
    quietHours: t.field({
      type: QuietHoursRef,
      nullable: true,
      description: `When agents do not write first; null for the default (${quietDefault}).`,
      resolve: (u) => u.quietHours,
    }),
    doNotDisturb: t.exposeBoolean("doNotDisturb", {
      description: "While on, agents never write first.",
    }),
    pushSubscriptions: t.exposeInt("pushSubscriptions", {
      description: "How many devices get notifications.",
    }),
    registeredAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "Null for a moment after the first sign-in, until the read model has it.",
      resolve: (u) => u.registeredAt,
    }),
  }),
});

/** How long a mutation waits for the read model to show its write before answering anyway. */
const CATCH_UP_MS = 2_000;

/** The viewer's row, once it reflects at least `revision` of their stream (or the wait is over). */
async function readViewer(context: GraphQLContext, userId: string, revision: number | null) {
  const read = () => readModelOr(null, () => getUserById(context.services.readModels, { id: userId }));
  const deadline = Date.now() + CATCH_UP_MS;
  let user = await read();
  while (revision !== null && (user?.revision ?? -1) < revision && Date.now() < deadline) {
    if (context.signal.aborted) break;
    await sleep(20);
    user = await read();
  }
  return user;
}

/**
 * The viewer from the users read model. After a command, the mutation waits briefly for the read
 * model to catch up, so the queries a client runs next (its header, a reload) see the change; and
 * `fresh`, the state the command left, answers it either way.
 */
export async function viewerUser(context: GraphQLContext, fresh?: UserSnapshot): Promise<UserShape> {
  const viewer = viewerOf(context);
  const user = await readViewer(context, viewer.userId, fresh?.revision ?? null);
  const shown = {
    id: viewer.userId,
    displayName: user?.displayName ?? viewer.principal.displayName,
    role: viewer.role,
    timezone: user?.timezone ?? null,
    quietHours: user?.quietHours ?? null,
    doNotDisturb: user?.doNotDisturb ?? false,
    pushSubscriptions: user?.pushSubscriptionCount ?? 0,
    registeredAt: user?.registeredAt ?? null,
  };
  if (!fresh) return shown;
  return { ...shown, ...fresh.profile, pushSubscriptions: fresh.pushSubscriptionCount };
}

builder.queryField("me", (t) =>
  t.field({
    type: UserRef,
    description: "The signed-in person; the first authenticated call registers them.",
    authScopes: { viewer: true },
    resolve: (_root, _args, context) => viewerUser(context),
  }),
);
