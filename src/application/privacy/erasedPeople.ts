import { LRUCache } from "lru-cache";
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

/** The first event of a stream (an image job's request names whose job it is), or null. */
export type FirstEventOf = (streamId: string) => Promise<EventOfSomeone | null>;

/**
 * True for an event of a person who has been erased (their key destroyed), whenever the event
 * was written: work for them is pointless. An event that names no one is traced to the first
 * event of its stream (an image job's later steps to its request). `PersonErased` itself is never
 * skipped, since what follows an erasure reacts to it. A failed lookup answers false, so the work
 * runs as usual.
 */
export function erasedPersonCheck(
  keys: Pick<DataKeyStore, "standings">,
  policy: PersonalDataPolicy,
  firstEventOf?: FirstEventOf,
) {
  // A stream's first event never changes, so whose stream it is can be remembered.
  const streamPeople = new LRUCache<string, { person: string | null }>({ max: 10_000 });
  const personOfStream = async (streamId: string): Promise<string | null> => {
    const known = streamPeople.get(streamId);
    if (known) return known.person;
    const first = await firstEventOf?.(streamId);
    if (!first) return null;
    const person = personOfEvent(policy, first);
    streamPeople.set(streamId, { person });
    return person;
  };
  return async (event: EventOfSomeone): Promise<boolean> => {
    if (event.type === "PersonErased") return false;
    try {
      const person = personOfEvent(policy, event) ?? (await personOfStream(event.streamId));
      if (person === null) return false;
      return (await keys.standings([person])).get(person)?.state === "erased";
    } catch {
      return false;
    }
  };
}
