import { randomBytes } from "node:crypto";
import {
  DATA_KEY_BYTES,
  type DataKey,
  type DataKeyStanding,
  type DataKeyStore,
  SubjectErasedError,
} from "../../ports/dataKeys.ts";

/** Data keys in this process's memory: for tests and throwaway tools, since they die with the process. */
export class InMemoryDataKeyStore implements DataKeyStore {
  readonly #keys = new Map<string, DataKey>();
  readonly #erased = new Map<string, Date>();

  async keyFor(subjectId: string): Promise<DataKey> {
    const erasedAt = this.#erased.get(subjectId);
    if (erasedAt) throw new SubjectErasedError(subjectId, erasedAt);
    let key = this.#keys.get(subjectId);
    if (!key) {
      key = { subjectId, material: randomBytes(DATA_KEY_BYTES) };
      this.#keys.set(subjectId, key);
    }
    return key;
  }

  async standings(subjectIds: readonly string[]): Promise<Map<string, DataKeyStanding>> {
    const standings = new Map<string, DataKeyStanding>();
    for (const subjectId of subjectIds) {
      const erasedAt = this.#erased.get(subjectId);
      const key = this.#keys.get(subjectId);
      standings.set(
        subjectId,
        erasedAt ? { state: "erased", erasedAt } : key ? { state: "key", key } : { state: "none" },
      );
    }
    return standings;
  }

  async destroy(subjectId: string, erasedAt: Date): Promise<{ erasedAt: Date }> {
    const first = this.#erased.get(subjectId) ?? erasedAt;
    this.#erased.set(subjectId, first);
    this.#keys.delete(subjectId);
    return { erasedAt: first };
  }
}
