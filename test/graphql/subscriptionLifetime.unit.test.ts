import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { untilAborted } from "../../src/graphql/subscriptionLifetime.ts";

describe("untilAborted", () => {
  it("gives the promise's value and takes its listener off the signal", async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve("ready"), controller.signal)).resolves.toBe("ready");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("ends with nothing when the signal aborts first, and at once when it already has", async () => {
    const controller = new AbortController();
    const waiting = untilAborted(new Promise<never>(() => {}), controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(untilAborted(new Promise<never>(() => {}), controller.signal)).resolves.toBeUndefined();
  });

  it("stops waiting after the longest wait it was given, and leaves no listener behind", async () => {
    const controller = new AbortController();
    await expect(untilAborted(new Promise<never>(() => {}), controller.signal, 1)).resolves.toBeUndefined();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("passes a failure on", async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.reject(new Error("bus down")), controller.signal)).rejects.toThrow(
      "bus down",
    );
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
