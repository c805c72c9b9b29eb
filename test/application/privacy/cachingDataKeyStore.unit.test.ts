import { describe, expect, it } from "vitest";
import { InMemoryDataKeyStore } from "../../../src/adapters/local/inMemoryDataKeyStore.ts";
import { CachingDataKeyStore } from "../../../src/application/privacy/cachingDataKeyStore.ts";
import {
  type DataKey,
  type DataKeyStanding,
  type DataKeyStore,
  SubjectErasedError,
} from "../../../src/ports/dataKeys.ts";

/** Counts what reaches the store below the cache. */
class CountingKeyStore implements DataKeyStore {
  readonly inner = new InMemoryDataKeyStore();
  keyFors = 0;
  standingLookups: string[][] = [];

  async keyFor(subjectId: string): Promise<DataKey> {
    this.keyFors += 1;
    await Promise.resolve();
    return this.inner.keyFor(subjectId);
  }

  standings(subjectIds: readonly string[]): Promise<Map<string, DataKeyStanding>> {
    this.standingLookups.push([...subjectIds]);
    return this.inner.standings(subjectIds);
  }

  destroy(subjectId: string, erasedAt: Date): Promise<{ erasedAt: Date }> {
    return this.inner.destroy(subjectId, erasedAt);
  }
}

describe("the data key cache", () => {
  it("makes a subject's key once however many ask at the same time", async () => {
    const below = new CountingKeyStore();
    const keys = new CachingDataKeyStore(below);
    const made = await Promise.all([keys.keyFor("p"), keys.keyFor("p"), keys.keyFor("p")]);
    expect(new Set(made).size).toBe(1);
    await keys.keyFor("p");
    expect(below.keyFors).toBe(1);
  });

  it("looks up only the subjects it does not hold, and never remembers one without a key", async () => {
    const below = new CountingKeyStore();
    const keys = new CachingDataKeyStore(below);
    const key = await keys.keyFor("p");
    const standings = await keys.standings(["p", "q"]);
    expect(standings.get("p")).toEqual({ state: "key", key });
    expect(standings.get("q")).toEqual({ state: "none" });
    await keys.standings(["p", "q"]);
    expect(below.standingLookups).toEqual([["q"], ["q"]]);
  });

  it("remembers an erasure and refuses new keys for it without asking again", async () => {
    const below = new CountingKeyStore();
    const keys = new CachingDataKeyStore(below);
    await keys.keyFor("p");
    const erasedAt = new Date("2025-06-01T00:00:00Z");
    await expect(keys.destroy("p", erasedAt)).resolves.toEqual({ erasedAt });
    await expect(keys.keyFor("p")).rejects.toBeInstanceOf(SubjectErasedError);
    expect((await keys.standings(["p"])).get("p")).toEqual({ state: "erased", erasedAt });
    expect(below.keyFors).toBe(1);
    expect(below.standingLookups).toEqual([]);
  });

  it("learns of an erasure made elsewhere once the key leaves memory", async () => {
    const below = new CountingKeyStore();
    const keys = new CachingDataKeyStore(below);
    await keys.keyFor("p");
    await below.destroy("p", new Date());
    expect((await keys.standings(["p"])).get("p")?.state).toBe("key");
    keys.evict("p");
    expect((await keys.standings(["p"])).get("p")?.state).toBe("erased");
    await expect(keys.keyFor("p")).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it("does not keep what a look-up found when the key was destroyed while it was under way", async () => {
    const below = new CountingKeyStore();
    const keys = new CachingDataKeyStore(below);
    await below.keyFor("p");
    const erasedAt = new Date("2025-06-01T00:00:00Z");
    // The look-ups read the store before the destruction and answer after it.
    const read = below.inner.standings(["p"]);
    const found = new Map(await read);
    let answer!: () => void;
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    below.standings = () => held.then(() => found);
    below.keyFor = async () => {
      await held;
      return (found.get("p") as { key: DataKey }).key;
    };
    const looking = keys.standings(["p"]);
    const making = keys.keyFor("p");
    await keys.destroy("p", erasedAt);
    answer();
    expect((await looking).get("p")?.state).toBe("key");
    await making;
    below.standings = (ids) => below.inner.standings(ids);
    below.keyFor = (id) => below.inner.keyFor(id);
    expect((await keys.standings(["p"])).get("p")).toEqual({ state: "erased", erasedAt });
    await expect(keys.keyFor("p")).rejects.toBeInstanceOf(SubjectErasedError);
  });

  it("forgets keys after their time to live", async () => {
    const below = new CountingKeyStore();
    let now = 1_000;
    const keys = new CachingDataKeyStore(below, { ttlMs: 60_000, now: () => now });
    await keys.keyFor("p");
    now += 59_999;
    await keys.keyFor("p");
    expect(below.keyFors).toBe(1);
    now += 2;
    await keys.keyFor("p");
    expect(below.keyFors).toBe(2);
  });
});
