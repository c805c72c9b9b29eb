import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InMemoryEventStore } from "../../src/adapters/memory/inMemoryEventStore.ts";
import { CommandHandler } from "../../src/application/commandHandler.ts";
import { EventLog } from "../../src/application/eventLog.ts";
import type { Decider } from "../../src/domain/shared/decider.ts";
import { defineEvent, EventCatalogue } from "../../src/domain/shared/eventCatalogue.ts";

/** As many events from one command as a long imported chat with its swipes decides. */
const EVENTS = 200_000;

type Noted = { type: "Noted"; data: { n: number } };
type NoteMany = { type: "NoteMany"; count: number };
const notes: Decider<{ count: number }, NoteMany, Noted> = {
  initialState: () => ({ count: 0 }),
  evolve: (state) => ({ count: state.count + 1 }),
  decide: (command) => Array.from({ length: command.count }, (_, n) => ({ type: "Noted", data: { n } })),
};
const catalogue = new EventCatalogue([defineEvent("Noted", z.object({ n: z.number().int() }))]);

describe("CommandHandler with one command deciding a great many events", () => {
  it("appends them all, more than a function call takes as arguments", async () => {
    const store = new InMemoryEventStore();
    const commands = new CommandHandler(new EventLog(store, catalogue));
    const result = await commands.handle(
      notes,
      "notes-1",
      { type: "NoteMany", count: EVENTS },
      {
        commandId: "many",
        actor: "test",
        requestId: null,
        correlationId: "many",
        causationId: null,
        now: new Date("2026-01-01T00:00:00Z"),
      },
    );
    expect(result.state.count).toBe(EVENTS);
    expect(result.revision).toBe(EVENTS - 1);
    expect(await store.streamRevision("notes-1")).toBe(EVENTS - 1);
  });
});
