import { DomainError } from "../shared/decider.ts";
import type { RegisterPushSubscription, RemovePushSubscription } from "./commands.ts";
import type { PushKeys, PushKind, UserEvent } from "./events.ts";
import { isPublicPushEndpoint, isUsableSubscription, sameKeys } from "./rules.ts";

export const MAX_PUSH_SUBSCRIPTIONS = 10;

export interface PushSubscription {
  kind: PushKind;
  endpoint: string;
  keys: PushKeys | null;
}

/** The part of a person's state that their push subscriptions are decided on. */
export interface PushSubscriptionsState {
  userId: string | null;
  pushSubscriptions: readonly PushSubscription[];
}

export function registerPushSubscription(
  command: RegisterPushSubscription,
  state: PushSubscriptionsState,
): UserEvent[] {
  const { kind, endpoint, keys } = command;
  if (!isUsableSubscription(kind, endpoint, keys))
    throw new DomainError(
      "InvalidPushSubscription",
      "BAD_USER_INPUT",
      "This push subscription is incomplete; allow notifications in the browser again.",
    );
  if (kind === "webpush" && !isPublicPushEndpoint(endpoint))
    throw new DomainError(
      "PushEndpointNotPublic",
      "BAD_USER_INPUT",
      "Push notifications go only to a public https push service; subscribe again from the browser.",
    );
  const existing = state.pushSubscriptions.find((s) => s.endpoint === endpoint);
  if (existing && existing.kind === kind && sameKeys(existing.keys, keys)) return [];
  if (!existing && state.pushSubscriptions.length >= MAX_PUSH_SUBSCRIPTIONS)
    throw new DomainError(
      "TooManyPushSubscriptions",
      "CONFLICT",
      `Notifications are on for ${MAX_PUSH_SUBSCRIPTIONS} devices already; turn them off on one first.`,
    );
  return [
    {
      type: "PushSubscriptionRegistered",
      data: { userId: state.userId!, kind, endpoint, keys, registeredAt: command.now },
    },
  ];
}

/** Removing a subscription that is already gone does nothing: push services report expiry more than once. */
export function removePushSubscription(
  command: RemovePushSubscription,
  state: PushSubscriptionsState,
): UserEvent[] {
  if (!state.pushSubscriptions.some((s) => s.endpoint === command.endpoint)) return [];
  return [
    {
      type: "PushSubscriptionRemoved",
      data: {
        userId: state.userId!,
        endpoint: command.endpoint,
        reason: command.reason,
        removedAt: command.now,
      },
    },
  ];
}
