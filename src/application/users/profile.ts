import { randomUUID } from "node:crypto";
import { userStreamId } from "../../domain/streamIds.ts";
import { type UserState, userDecider } from "../../domain/user/decider.ts";
import type { QuietHours } from "../../domain/user/events.ts";
import type { UserProfile } from "../../domain/user/rules.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "./requestMeta.ts";

/** Left out: unchanged. `null` clears the time zone or the quiet hours. */
export interface ProfileChange {
  displayName?: string;
  timezone?: string | null;
  quietHours?: QuietHours | null;
  doNotDisturb?: boolean;
}

/** The person as their own stream has them right after a command: fresher than the read model. */
export interface UserSnapshot {
  userId: string;
  profile: UserProfile;
  pushSubscriptionCount: number;
  /** False when the command wrote nothing (the same values again). */
  changed: boolean;
  /** The user stream's revision after the command. */
  revision: number | null;
}

export function snapshotOf(
  userId: string,
  result: { state: UserState; events: readonly unknown[]; revision: number | null },
): UserSnapshot {
  const { state, events, revision } = result;
  return {
    userId,
    profile: state.profile,
    pushSubscriptionCount: state.pushSubscriptions.length,
    changed: events.length > 0,
    revision,
  };
}

/** Changes the parts of the profile that were given; the same values again write nothing. */
export async function updateProfile(
  commands: CommandHandler,
  userId: string,
  change: ProfileChange,
  meta: RequestMeta,
): Promise<UserSnapshot> {
  const result = await commands.handle(
    userDecider,
    userStreamId(userId),
    { type: "UpdateUserProfile", userId, ...change, now: meta.now.toISOString() },
    commandContext(meta, `update-profile:${userId}:${randomUUID()}`),
  );
  return snapshotOf(userId, result);
}
