import { DomainError } from "../../domain/shared/decider.ts";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { CommandHandler } from "../commandHandler.ts";

/**
 * What an admin changes for a person by userId, they change only for someone who signed in once
 * and was not erased since: nothing is written for no one, or for someone erased.
 */
export async function requireActivePerson(commands: CommandHandler, userId: string): Promise<void> {
  const { state } = await commands.load(userDecider, userStreamId(userId));
  if (!state.registered || state.erasedAt !== null)
    throw new DomainError(
      "PersonNotFound",
      "NOT_FOUND",
      "No such person: they never signed in, or were erased.",
    );
}
