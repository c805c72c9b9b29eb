import type { SnapshotStore, StoredSnapshot } from "../../ports/snapshotStore.ts";

/** Snapshots in this process's memory: for tests. */
export class InMemorySnapshotStore implements SnapshotStore {
  readonly snapshots = new Map<string, StoredSnapshot>();

  async load(streamId: string): Promise<StoredSnapshot | null> {
    return this.snapshots.get(streamId) ?? null;
  }

  async save(snapshot: StoredSnapshot): Promise<void> {
    const stored = this.snapshots.get(snapshot.streamId);
    if (!stored || stored.revision <= snapshot.revision) this.snapshots.set(snapshot.streamId, snapshot);
  }

  async deleteSubject(subjectId: string): Promise<void> {
    for (const [streamId, snapshot] of this.snapshots)
      if (snapshot.subjectId === subjectId) this.snapshots.delete(streamId);
  }
}
