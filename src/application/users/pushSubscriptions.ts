import { randomUUID } from "node:crypto";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { PushKeys } from "../../domain/user/events.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { snapshotOf, type UserSnapshot } from "./profile.ts";
import { commandContext, type RequestMeta } from "./requestMeta.ts";

export interface WebPushSubscriptionInput {
  endpoint: string;
  keys: PushKeys;
}

/**
 * Notifications for this browser from now on. Registering the same endpoint and keys again writes
 * nothing, so a client may register on every start.
 */
export async function registerPushSubscription(
  commands: CommandHandler,
  userId: string,
  input: WebPushSubscriptionInput,
  meta: RequestMeta,
): Promise<UserSnapshot> {
  const result = await commands.handle(
    userDecider,
    userStreamId(userId),
    {
      type: "RegisterPushSubscription",
      userId,
      kind: "webpush",
      endpoint: input.endpoint,
      keys: input.keys,
      now: meta.now.toISOString(),
    },
    commandContext(meta, `register-push:${userId}:${randomUUID()}`),
  );
  return snapshotOf(userId, result);
}

/** Stops notifications to this endpoint; one the person has not registered is already gone. */
export async function removePushSubscription(
  commands: CommandHandler,
  userId: string,
  endpoint: string,
  meta: RequestMeta,
): Promise<UserSnapshot> {
  const result = await commands.handle(
    userDecider,
    userStreamId(userId),
    { type: "RemovePushSubscription", userId, endpoint, reason: "unsubscribed", now: meta.now.toISOString() },
    commandContext(meta, `remove-push:${userId}:${randomUUID()}`),
  );
  return snapshotOf(userId, result);
}
