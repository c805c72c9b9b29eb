import { uuidv5 } from "../nameUuid.ts";

const VECTOR_NAMESPACE = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";

/** The vector id of a remembered fact: correcting it overwrites, forgetting it deletes that one record. */
export function factVectorId(factId: string): string {
  return uuidv5(`fact:${factId}`, VECTOR_NAMESPACE);
}

/** The vector id of a summary's text, from the event that wrote it. */
export function summaryVectorId(eventId: string): string {
  return uuidv5(`${eventId}:summary`, VECTOR_NAMESPACE);
}
