import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import { type CommandContext, CommandHandler, eventIdFor } from "../../src/application/commandHandler.ts";
import { EventLog } from "../../src/application/eventLog.ts";
import { type Decider, DomainError } from "../../src/domain/shared/decider.ts";
import { defineEvent, EventCatalogue } from "../../src/domain/shared/eventCatalogue.ts";

/** A counter that refuses to go above ten: enough of a decider to watch the handler work. */
type Counted = { type: "Counted"; data: { by: number } };
type Count = { type: "Count"; by: number };
const counter: Decider<{ total: number }, Count, Counted> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.data.by }),
  decide: (command, state) => {
    if (state.total + command.by > 10) throw new DomainError("TooMuch", "CONFLICT", "Ten is the most.");
    return [{ type: "Counted", data: { by: command.by } }];
  },
};
const catalogue = new EventCatalogue([defineEvent("Counted", z.object({ by: z.number().int() }))]);

const context = (commandId: string): CommandContext => ({
  commandId,
  actor: "test",
  requestId: null,
  correlationId: commandId,
  causationId: null,
  now: new Date("2026-01-01T00:00:00Z"),
});

/** A store that counts what it is asked. */
class CountingStore extends InMemoryEventStore {
  appends = 0;
  reads: { streamId: string; fromRevision: number | undefined }[] = [];
  override async append(...args: Parameters<InMemoryEventStore["append"]>) {
    this.appends++;
    return super.append(...args);
  }
  override async readStream(...args: Parameters<InMemoryEventStore["readStream"]>) {
    this.reads.push({ streamId: args[0], fromRevision: args[1]?.fromRevision });
    return super.readStream(...args);
  }
}

/** A store where another writer gets in once, just before the next append. */
class RacingStore extends InMemoryEventStore {
  before: (() => Promise<unknown>) | null = null;
  override async append(...args: Parameters<InMemoryEventStore["append"]>) {
    const racing = this.before;
    this.before = null;
    await racing?.();
    return super.append(...args);
  }
}

const meta = {
  occurredAt: "2026-01-01T00:00:00Z",
  correlationId: "c",
  causationId: null,
  actor: "test",
  requestId: null,
};

function handlerOn(store: InMemoryEventStore = new CountingStore()) {
  return { store, commands: new CommandHandler(new EventLog(store, catalogue)) };
}

describe("CommandHandler", () => {
  it("decides against the folded stream, appends with the expected revision and stamps metadata", async () => {
    const { store, commands } = handlerOn();
    await commands.handle(counter, "c-1", { type: "Count", by: 2 }, context("first"));
    const result = await commands.handle(counter, "c-1", { type: "Count", by: 3 }, context("second"));
    expect(result).toMatchObject({ state: { total: 5 }, revision: 1 });
    const stored = await store.readStream("c-1");
    expect(stored.map((e) => [e.type, e.data, e.revision])).toEqual([
      ["Counted", { by: 2 }, 0],
      ["Counted", { by: 3 }, 1],
    ]);
    expect(stored[1]!.metadata).toEqual({
      occurredAt: "2026-01-01T00:00:00.000Z",
      correlationId: "second",
      causationId: null,
      actor: "test",
      requestId: null,
      schemaVersion: 1,
    });
  });

  it("derives event ids from the command id, so running a command again writes nothing twice", async () => {
    const store = new InMemoryEventStore();
    const first = handlerOn(store).commands;
    await first.handle(counter, "c-2", { type: "Count", by: 1 }, context("once"));
    const [event] = await store.readStream("c-2");
    expect(event!.id).toBe(eventIdFor("once", 0));
    // Another process that has not seen the append re-runs the same command: the store recognises it.
    const again = await store.append("c-2", [{ ...event!, data: { by: 1 } }], "no_stream");
    expect(again.idempotent).toBe(true);
    expect(await store.readStream("c-2")).toHaveLength(1);
  });

  it("decides again on a conflict, against what the other writer stored", async () => {
    const store = new RacingStore();
    const { commands } = handlerOn(store);
    await commands.handle(counter, "c-3", { type: "Count", by: 4 }, context("a"));
    // Between reading the stream and appending, another writer stores 5.
    store.before = () =>
      handlerOn(store).commands.handle(counter, "c-3", { type: "Count", by: 5 }, context("b"));
    const result = await commands.handle(counter, "c-3", { type: "Count", by: 1 }, context("c"));
    expect(result.state.total).toBe(10);
    expect((await store.readStream("c-3")).map((e) => e.data)).toEqual([{ by: 4 }, { by: 5 }, { by: 1 }]);
    store.before = () =>
      handlerOn(store).commands.handle(counter, "c-3", { type: "Count", by: 0 }, context("d"));
    await expect(
      commands.handle(counter, "c-3", { type: "Count", by: 1 }, context("e")),
    ).rejects.toMatchObject({
      reason: "TooMuch",
    });
  });

  it("keeps folded state in a cache and reads only what was appended since", async () => {
    const store = new CountingStore();
    const { commands } = handlerOn(store);
    await commands.handle(counter, "c-4", { type: "Count", by: 1 }, context("x"));
    store.reads = [];
    expect((await commands.load(counter, "c-4")).state.total).toBe(1);
    expect(store.reads).toEqual([{ streamId: "c-4", fromRevision: 1 }]);
    commands.forgetWhere((streamId) => streamId === "c-4");
    await commands.load(counter, "c-4");
    expect(store.reads.at(-1)).toEqual({ streamId: "c-4", fromRevision: 0 });
  });

  it("lets loads of one stream asked for during a read share the next read, which sees what came before them", async () => {
    const store = new CountingStore();
    const { commands } = handlerOn(store);
    await store.append(
      "c-9",
      [new EventLog(store, catalogue).toAppend({ type: "Counted", data: { by: 1 } }, "e-1", meta)],
      "any",
    );
    store.reads = [];
    const first = commands.load(counter, "c-9");
    // Stored after the first read began: every load asked for from now on must see it.
    await store.append(
      "c-9",
      [new EventLog(store, catalogue).toAppend({ type: "Counted", data: { by: 2 } }, "e-2", meta)],
      "any",
    );
    const later = Array.from({ length: 20 }, () => commands.load(counter, "c-9"));
    expect((await first).state.total).toBeGreaterThanOrEqual(1);
    for (const folded of await Promise.all(later)) expect(folded.state.total).toBe(3);
    expect(store.reads).toHaveLength(2);
  });

  it("stores every step of handleAll in one append, or none when a step is refused", async () => {
    const store = new CountingStore();
    const { commands } = handlerOn(store);
    const both = await commands.handleAll(
      counter,
      "c-5",
      [
        { type: "Count", by: 3 },
        { type: "Count", by: 4 },
      ],
      context("pair"),
    );
    expect(both).toMatchObject({ state: { total: 7 }, revision: 1 });
    expect(store.appends).toBe(1);
    const refused = commands.handleAll(
      counter,
      "c-5",
      [
        { type: "Count", by: 1 },
        { type: "Count", by: 5 },
      ],
      context("too-much"),
    );
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    expect(store.appends).toBe(1);
    expect(await store.readStream("c-5")).toHaveLength(2);
  });

  it("folds each stored event into the state once, the state it decided on being the state stored", async () => {
    const { commands } = handlerOn();
    let folds = 0;
    const watched: typeof counter = {
      ...counter,
      evolve: (state, event) => {
        folds++;
        return counter.evolve(state, event);
      },
    };
    await commands.handle(watched, "c-10", { type: "Count", by: 1 }, context("one"));
    folds = 0;
    const both = await commands.handleAll(
      watched,
      "c-10",
      [
        { type: "Count", by: 3 },
        { type: "Count", by: 4 },
      ],
      context("two"),
    );
    expect(both).toMatchObject({ state: { total: 8 }, revision: 2 });
    expect(folds).toBe(2);
    expect((await commands.load(counter, "c-10")).state.total).toBe(8);
  });

  it("refuses event data its schema does not accept, before anything is stored", async () => {
    const { store, commands } = handlerOn();
    const broken: typeof counter = { ...counter, decide: () => [{ type: "Counted", data: { by: 1.5 } }] };
    await expect(commands.handle(broken, "c-6", { type: "Count", by: 1 }, context("bad"))).rejects.toThrow(
      /does not match its schema/,
    );
    expect(await store.streamRevision("c-6")).toBeNull();
  });

  it("decides on the cached state without reading, and the expected revision proves it current", async () => {
    const store = new CountingStore();
    const { commands } = handlerOn(store);
    await commands.handle(counter, "c-7", { type: "Count", by: 1 }, context("first"));
    store.reads = [];
    const result = await commands.handle(counter, "c-7", { type: "Count", by: 2 }, context("second"));
    expect(result).toMatchObject({ state: { total: 3 }, revision: 1 });
    expect(store.reads).toEqual([]);
  });

  it("decides again on the stored stream when another writer made the cache stale", async () => {
    const store = new CountingStore();
    const { commands } = handlerOn(store);
    await commands.handle(counter, "c-8", { type: "Count", by: 4 }, context("a"));
    await handlerOn(store).commands.handle(counter, "c-8", { type: "Count", by: 5 }, context("b"));
    // The cache says 4, the stream says 9: 2 more is refused, as the stored stream decides.
    await expect(
      commands.handle(counter, "c-8", { type: "Count", by: 2 }, context("c")),
    ).rejects.toMatchObject({ reason: "TooMuch" });
    const result = await commands.handle(counter, "c-8", { type: "Count", by: 1 }, context("d"));
    expect(result).toMatchObject({ state: { total: 10 }, revision: 2 });
  });

  it("loads from the cache without reading when it holds the revision the caller knows of", async () => {
    const store = new CountingStore();
    const { commands } = handlerOn(store);
    await commands.handle(counter, "c-9", { type: "Count", by: 1 }, context("x"));
    store.reads = [];
    expect((await commands.load(counter, "c-9", { atLeastRevision: 0 })).state.total).toBe(1);
    expect(store.reads).toEqual([]);
    await handlerOn(store).commands.handle(counter, "c-9", { type: "Count", by: 2 }, context("y"));
    store.reads = [];
    expect((await commands.load(counter, "c-9", { atLeastRevision: 1 })).state.total).toBe(3);
    expect(store.reads).toEqual([{ streamId: "c-9", fromRevision: 1 }]);
  });

  it("answers a load from a state known current within the time the caller accepts, without reading", async () => {
    const store = new CountingStore();
    const { commands } = handlerOn(store);
    await commands.handle(counter, "c-10", { type: "Count", by: 1 }, context("x"));
    await handlerOn(store).commands.handle(counter, "c-10", { type: "Count", by: 2 }, context("y"));
    store.reads = [];
    // Another writer's event is not seen while the state this process knows is recent enough…
    expect((await commands.load(counter, "c-10", { freshWithinMs: 60_000 })).state.total).toBe(1);
    expect(store.reads).toEqual([]);
    // …and a plain load reads what was appended since, which is then known current in its turn.
    expect((await commands.load(counter, "c-10")).state.total).toBe(3);
    expect((await commands.load(counter, "c-10", { freshWithinMs: 60_000 })).state.total).toBe(3);
    expect(store.reads).toEqual([{ streamId: "c-10", fromRevision: 1 }]);
  });
});
