import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checkpointMigrations,
  PostgresCheckpointStore,
} from "../../../src/adapters/postgres/postgresCheckpointStore.ts";
import { systemClock } from "../../../src/adapters/system/systemClock.ts";
import { erasedPersonCheck } from "../../../src/application/privacy/erasedPeople.ts";
import { withmePersonalData } from "../../../src/application/privacy/personalDataPolicy.ts";
import { defineReactor, type Reactor, runReactor } from "../../../src/application/reactors/reactor.ts";
import type { DataKeyStanding } from "../../../src/ports/dataKeys.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../../support/coreHarness.ts";
import { appendEvents } from "../../support/domainEvents.ts";

describe("reactor", () => {
  let harness: CoreHarness;
  let checkpoints: PostgresCheckpointStore;
  const controllers: AbortController[] = [];
  const running: Promise<void>[] = [];

  beforeEach(async () => {
    harness = await startCoreHarness(checkpointMigrations);
    checkpoints = new PostgresCheckpointStore(harness.raw);
  });
  afterEach(async () => {
    for (const controller of controllers.splice(0)) controller.abort();
    await Promise.allSettled(running.splice(0));
    await harness.close();
  });

  /** People whose keys are destroyed, as the key store would tell. */
  const erased = new Set<string>();
  const keys = {
    standings: async (ids: readonly string[]) =>
      new Map<string, DataKeyStanding>(
        ids.map((id) => [
          id,
          erased.has(id) ? { state: "erased", erasedAt: new Date(0) } : { state: "none" },
        ]),
      ),
  };

  function start(definition: Reactor): { stop(): void; done: Promise<void> } {
    const controller = new AbortController();
    controllers.push(controller);
    const deps = {
      events: harness.events,
      checkpoints,
      leases: harness.leases,
      clock: systemClock,
      logger: harness.logger,
      ofErasedPerson: erasedPersonCheck(keys, withmePersonalData),
    };
    const done = runReactor(definition, deps, controller.signal, { drainMs: 2_000 });
    running.push(done);
    return { stop: () => controller.abort(), done };
  }

  /** An affinity change whose value counts up, so the handler can tell the events apart. */
  const append = (stream: string, by: number) =>
    appendEvents(harness.store, stream, [
      { type: "AffinityChanged", data: { delta: 1, requestedDelta: 1, reason: "counting", value: by } },
    ]);

  it("handles each stream in order while different streams run side by side", async () => {
    const seen: string[] = [];
    let active = 0;
    let maxActive = 0;
    // The first event of each stream waits for the other's: they can only both finish side by side.
    const firsts = new Set<string>();
    const bothStarted = Promise.withResolvers<void>();
    for (let i = 1; i <= 5; i++) {
      await append("a", i);
      await append("b", i);
    }
    await appendEvents(harness.store, "x", [
      { type: "ConversationStarted", data: { userId: "u", agentId: "a", startedAt: "2025-05-01T09:00:00Z" } },
    ]);
    const reactor = start(
      defineReactor({
        name: "ordering",
        canHandle: ["AffinityChanged"],
        async handle(event) {
          active++;
          maxActive = Math.max(maxActive, active);
          const by = event.data.value;
          if (by === 1) {
            firsts.add(event.streamId);
            if (firsts.size === 2) bothStarted.resolve();
            await bothStarted.promise;
          }
          seen.push(`${event.streamId}:${by}`);
          active--;
        },
      }),
    );
    await eventually(async () => seen.length === 10);
    expect(seen.filter((s) => s.startsWith("a:"))).toEqual(["a:1", "a:2", "a:3", "a:4", "a:5"]);
    expect(seen.filter((s) => s.startsWith("b:"))).toEqual(["b:1", "b:2", "b:3", "b:4", "b:5"]);
    expect(maxActive).toBe(2);
    reactor.stop();
    await reactor.done;
  });

  it("skips at once the events of an erased person, even one erased while its work was under way", async () => {
    erased.clear();
    erased.add("gone");
    const calls: string[] = [];
    const finishing = Promise.withResolvers<void>();
    await append("conversation-kept-a1", 1);
    await append("conversation-gone-a1", 1);
    await append("conversation-late-a1", 1);
    const lastPosition = (await append("conversation-kept-a1", 2)).position;
    const reactor = start(
      defineReactor({
        name: "erasures",
        canHandle: ["AffinityChanged"],
        async handle(event) {
          calls.push(`${event.streamId}:${event.data.value}`);
          if (event.streamId === "conversation-late-a1") {
            // The person is erased while their work runs; the work then fails, as it would.
            erased.add("late");
            finishing.resolve();
            throw new Error("the person's key is gone");
          }
        },
      }),
    );
    await finishing.promise;
    await eventually(async () => (await checkpoints.load("erasures")) === lastPosition);
    // Handled once each: the erased person's event never, the one erased meanwhile not retried.
    expect(calls.sort()).toEqual([
      "conversation-kept-a1:1",
      "conversation-kept-a1:2",
      "conversation-late-a1:1",
    ]);
    reactor.stop();
    await reactor.done;
  });

  it("resumes after its checkpoint, and handles again what was not finished", async () => {
    const handled: number[] = [];
    let block = true;
    const definition = defineReactor({
      name: "resuming",
      canHandle: ["AffinityChanged"],
      async handle(event, signal) {
        const by = event.data.value;
        if (by === 3 && block) {
          await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
          throw new Error("interrupted");
        }
        handled.push(by);
      },
    });
    const first = start(definition);
    const positions: string[] = [];
    for (let i = 1; i <= 3; i++) positions.push((await append("c", i)).position);
    await eventually(async () => handled.length === 2);
    // The checkpoint has reached the last event finished; the one in progress lies after it.
    await eventually(async () => (await checkpoints.load("resuming")) === positions[1]);
    first.stop();
    await first.done;
    block = false;
    await append("c", 4);
    const second = start(definition);
    await eventually(async () => handled.length === 4);
    expect(handled).toEqual([1, 2, 3, 4]);
    second.stop();
    await second.done;
  });
});
