import { requireActivePerson } from "../application/users/activePerson.ts";
import { type GraphQLContext, viewerOf } from "./context.ts";

/**
 * NOT_FOUND when an admin names a person who never signed in or was erased, as the changes an
 * admin makes for a person by userId answer, rather than the empty data of no one.
 */
export async function requireNamedPerson(context: GraphQLContext, userId: string): Promise<void> {
  if (userId !== viewerOf(context).userId) await requireActivePerson(context.services.commands, userId);
}
