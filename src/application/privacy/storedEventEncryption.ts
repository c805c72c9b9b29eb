/** What `withme encrypt-events` reports: the PostgreSQL event store fills it in. */
export interface StoredEventEncryptionReport {
  /** Events of a type with personal fields that were looked at. */
  examined: number;
  /** Of those, events whose personal fields were plaintext and are now encrypted (or would be). */
  encrypted: number;
  /** Events of erased people whose plaintext was replaced with the erased value. */
  redacted: number;
  /** Plaintext fields found. */
  fields: number;
  /** People with plaintext fields. */
  people: number;
  /** Personal events in streams that name no person, left as they are. */
  unattributed: number;
  dryRun: boolean;
}
