import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { abortableSleep } from "../../src/application/abortableSleep.ts";

describe("abortableSleep", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const settled = (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => {
      done = true;
    });
    return () => done;
  };

  it("resolves once the time has passed, not before", async () => {
    const done = settled(abortableSleep(1_000));
    await vi.advanceTimersByTimeAsync(999);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done()).toBe(true);
  });

  it("resolves as soon as the signal aborts, and leaves no timer behind", async () => {
    const stop = new AbortController();
    const sleeping = abortableSleep(60_000, stop.signal);
    stop.abort();
    await sleeping;
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does not wait at all on a signal that has already aborted", async () => {
    await abortableSleep(60_000, AbortSignal.abort());
    expect(vi.getTimerCount()).toBe(0);
  });
});
