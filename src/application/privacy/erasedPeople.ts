import { conversationPerson, streamUser } from "../../domain/personalData.ts";
import type { DataKeyStore } from "../../ports/dataKeys.ts";
import type { PersonalDataPolicy } from "./personalDataPolicy.ts";

interface EventOfSomeone {
  type: string;
  streamId: string;
  data: unknown;
}

/**
 * Whose event this is: the person its personal fields belong to, else the person its stream or
 * its data names (`conversation-<userId>-…`, `user-<userId>`, a `userId` field), else no one.
 */
export function personOfEvent(policy: PersonalDataPolicy, event: EventOfSomeone): string | null {
  try {
    const person = policy.personOf(event.type, event.streamId, event.data);
    if (person !== null) return person;
  } catch {
    // A personal type on a stream that names no one: look further below.
  }
  const named = conversationPerson(event.streamId) ?? streamUser(event.streamId);
  if (named !== null) return named;
  const userId =
    event.data !== null && typeof event.data === "object" ? Reflect.get(event.data, "userId") : undefined;
  return typeof userId === "string" && userId !== "" ? userId : null;
}

/**
 * True for an event of a person who has been erased (their key destroyed), whenever the event
 * was written: work for them is pointless. `PersonErased` itself is never skipped, since what
 * follows an erasure reacts to it. A failed lookup answers false, so the work runs as usual.
 */
export function erasedPersonCheck(keys: Pick<DataKeyStore, "standings">, policy: PersonalDataPolicy) {
  return async (event: EventOfSomeone): Promise<boolean> => {
    if (event.type === "PersonErased") return false;
    const person = personOfEvent(policy, event);
    if (person === null) return false;
    try {
      return (await keys.standings([person])).get(person)?.state === "erased";
    } catch {
      return false;
    }
  };
}
