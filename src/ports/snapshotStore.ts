/** A stream's state as of a revision, sealed for the person it belongs to. */
export interface StoredSnapshot {
  streamId: string;
  /** Whose personal data it holds: erasing them deletes it. */
  subjectId: string;
  /** The last revision folded into it. */
  revision: number;
  /** The shape of the state it holds: a snapshot of another version is ignored. */
  version: number;
  /** The sealed state; only its writer knows what is inside. */
  payload: string;
}

/** Snapshots of stream states, so a long stream is loaded from one and the events after it. */
export interface SnapshotStore {
  load(streamId: string): Promise<StoredSnapshot | null>;
  /** Keeps the snapshot unless one of a later revision is stored already. */
  save(snapshot: StoredSnapshot): Promise<void>;
  /** Deletes every snapshot holding the subject's data. */
  deleteSubject(subjectId: string): Promise<void>;
}
