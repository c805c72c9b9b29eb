/** What CCv3 asks a V2 backfill to say in its creator notes; taken out again on import. */
export const V2_BACKFILL_NOTE =
  "This character card is Character Card V3, but it is loaded as a Character Card V2. Please use a Character Card V3 compatible application to use this character card properly.";

/** Creator notes as the card author wrote them, without a V2 backfill's notice. */
export function withoutBackfillNote(notes: string): string {
  return notes.startsWith(V2_BACKFILL_NOTE) ? notes.slice(V2_BACKFILL_NOTE.length).trimStart() : notes;
}
