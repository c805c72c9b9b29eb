/** A person's data key: 32 random bytes that encrypt their personal fields (AES-256-GCM). */
export interface DataKey {
  readonly subjectId: string;
  readonly material: Uint8Array;
}

/** Where a subject stands: a live key, erased for good, or never given a key. */
export type DataKeyStanding =
  | { state: "key"; key: DataKey }
  | { state: "erased"; erasedAt: Date }
  | { state: "none" };

/**
 * Per-person data keys. Destroying one is final: the key is deleted, a tombstone records when,
 * and no new key is ever made for that subject, so nothing written later can be read in its place.
 */
export interface DataKeyStore {
  /** The subject's key, made at first use. Throws `SubjectErasedError` once the subject was erased. */
  keyFor(subjectId: string): Promise<DataKey>;
  /** What stands for each subject, making nothing. */
  standings(subjectIds: readonly string[]): Promise<Map<string, DataKeyStanding>>;
  /** Deletes the key and records the erasure; erasing again keeps the first time. */
  destroy(subjectId: string, erasedAt: Date): Promise<{ erasedAt: Date }>;
}

export const DATA_KEY_BYTES = 32;

export class SubjectErasedError extends Error {
  readonly subjectId: string;
  readonly erasedAt: Date;
  constructor(subjectId: string, erasedAt: Date) {
    super(
      `subject ${subjectId} was erased at ${erasedAt.toISOString()}; nothing personal is stored for them`,
    );
    this.name = "SubjectErasedError";
    this.subjectId = subjectId;
    this.erasedAt = erasedAt;
  }
}

/** Ciphertext names a key that neither exists nor was erased: the key table was lost or is another one. */
export class DataKeyMissingError extends Error {
  readonly subjectId: string;
  constructor(subjectId: string) {
    super(
      `no data key and no erasure recorded for subject ${subjectId}: the data keys do not belong to these events (restore the key table from the same backup as the events)`,
    );
    this.name = "DataKeyMissingError";
    this.subjectId = subjectId;
  }
}
