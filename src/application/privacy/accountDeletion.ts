import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";

/** What the API needs for deleting accounts: the grace period, erasure, and who is erased. */
export interface AccountPrivacy {
  /** How long a requested deletion waits, so the person can change their mind. */
  graceMs: number;
  erase(args: { userId: string; by: "request" | "admin" }, meta: RequestMeta): Promise<{ erased: boolean }>;
  /** True once the person's key was destroyed: their sign-ins are refused. */
  isErased(userId: string): Promise<boolean>;
}

/** The pending deletion of the person's account, or null. */
export async function accountDeletionOf(
  commands: CommandHandler,
  userId: string,
): Promise<{ dueAt: string } | null> {
  const { state } = await commands.load(userDecider, userStreamId(userId));
  return state.deletionDueAt === null ? null : { dueAt: state.deletionDueAt };
}

/**
 * Schedules erasure of the person's account after the grace period. Asking again while one is
 * pending changes nothing and answers the pending deletion's due time.
 */
export async function requestAccountDeletion(
  commands: CommandHandler,
  userId: string,
  graceMs: number,
  meta: RequestMeta,
): Promise<{ dueAt: string }> {
  const dueAt = new Date(meta.now.getTime() + graceMs).toISOString();
  const { state } = await commands.handle(
    userDecider,
    userStreamId(userId),
    { type: "RequestAccountDeletion", userId, dueAt, now: meta.now.toISOString() },
    commandContext(meta, `request-account-deletion:${userId}:${meta.now.toISOString()}`),
  );
  return { dueAt: state.deletionDueAt ?? dueAt };
}

export async function cancelAccountDeletion(
  commands: CommandHandler,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  await commands.handle(
    userDecider,
    userStreamId(userId),
    { type: "CancelAccountDeletion", userId, now: meta.now.toISOString() },
    commandContext(meta, `cancel-account-deletion:${userId}:${meta.now.toISOString()}`),
  );
}
