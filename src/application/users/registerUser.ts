import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { Principal } from "../../ports/authenticator.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { uuidv5 } from "../nameUuid.ts";
import { commandContext, type RequestMeta } from "./requestMeta.ts";

const USER_ID_NAMESPACE = "2b8f4f0e-5d3a-4c1e-9b7d-6a0c3e9f1d24";

/**
 * The same sign-in always maps to the same user id, so registration needs no lookup table. Once
 * that person is erased, the sign-in starts a new account: the next incarnation, a new id.
 */
export function userIdFor(principal: Pick<Principal, "provider" | "subject">, incarnation = 0): string {
  const name = `${principal.provider}:${principal.subject}`;
  return uuidv5(incarnation === 0 ? name : `${name}#${incarnation}`, USER_ID_NAMESPACE);
}

/**
 * Registers the person on their first authenticated call. Running it again is harmless: the
 * command id is fixed per user and the decider writes nothing for a known subject.
 */
export async function registerUser(
  commands: CommandHandler,
  principal: Principal,
  meta: RequestMeta,
  userId = userIdFor(principal),
): Promise<{ userId: string; registered: boolean }> {
  const result = await commands.handle(
    userDecider,
    userStreamId(userId),
    {
      type: "RegisterUser",
      userId,
      subject: principal.subject,
      displayName: principal.displayName.trim() || "Guest",
      role: principal.role,
      now: meta.now.toISOString(),
    },
    commandContext(meta, `register-user:${userId}`),
  );
  return { userId, registered: result.events.length > 0 };
}
