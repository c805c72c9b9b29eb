import type { ErasureCommand } from "./erasure.ts";
import type { PushKeys, PushKind, QuietHours, UserRole } from "./events.ts";

/** First sight of a person signed in through the identity provider. */
export interface RegisterUser {
  type: "RegisterUser";
  userId: string;
  subject: string;
  displayName: string;
  role: UserRole;
  now: string;
}

/** Fields left out keep their value; `null` clears the time zone or the quiet hours. */
export interface UpdateUserProfile {
  type: "UpdateUserProfile";
  userId: string;
  displayName?: string;
  timezone?: string | null;
  quietHours?: QuietHours | null;
  doNotDisturb?: boolean;
  now: string;
}

export interface RegisterPushSubscription {
  type: "RegisterPushSubscription";
  userId: string;
  kind: PushKind;
  endpoint: string;
  keys: PushKeys | null;
  now: string;
}

export interface RemovePushSubscription {
  type: "RemovePushSubscription";
  userId: string;
  endpoint: string;
  reason: "unsubscribed" | "expired";
  now: string;
}

export type UserCommand =
  | RegisterUser
  | UpdateUserProfile
  | RegisterPushSubscription
  | RemovePushSubscription
  | ErasureCommand;
