import { sql } from "slonik";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { erasingPerson } from "../../../projections/runner/personErasure.ts";
import { defineProjection } from "../../../projections/runner/projection.ts";
import { Projector, type ProjectorDependencies } from "../../../projections/runner/projector.ts";
import { rebuildProjections } from "../../../projections/runner/rebuild.ts";
import { defineEvent, EventCatalogue } from "../../../src/domain/shared/eventCatalogue.ts";
import { type CoreHarness, eventually, startCoreHarness } from "../../support/coreHarness.ts";
import { newEvent } from "../../support/eventStoreContract.ts";

const catalogue = new EventCatalogue([
  defineEvent("NoteWritten", z.object({ n: z.number(), text: z.string() })),
  defineEvent("PersonErased", z.object({ userId: z.string(), by: z.string(), erasedAt: z.string() })),
]);

const notes = erasingPerson(
  defineProjection({
    name: "notes",
    version: 1,
    tables: [
      {
        name: "notes",
        columns: "stream_id text not null, n int not null, text text not null",
        primaryKey: ["stream_id", "n"],
      },
    ],
    canHandle: ["NoteWritten"],
    evolve(event, rows) {
      const data = event.data as { n: number; text: string };
      rows.put("notes", { stream_id: event.streamId, n: data.n, text: data.text });
    },
  }),
);

const noteRow = z.object({ stream_id: z.string(), n: z.number() });

describe("PersonErased in the projection runner", () => {
  let harness: CoreHarness;
  let deps: ProjectorDependencies;
  const running: AbortController[] = [];
  const runs: Promise<unknown>[] = [];

  beforeEach(async () => {
    harness = await startCoreHarness();
    deps = { ...harness, catalogue };
  });
  afterEach(async () => {
    for (const controller of running.splice(0)) controller.abort();
    await Promise.allSettled(runs.splice(0));
    await harness.close();
  });

  function startProjector(): AbortController {
    const controller = new AbortController();
    running.push(controller);
    runs.push(new Projector(deps, [notes], { batchSize: 3 }).run(controller.signal));
    return controller;
  }

  const rows = async () =>
    (await harness.pool.any(sql.type(noteRow)`select stream_id, n from rm.notes order by stream_id, n`)).map(
      (r) => `${r.stream_id}#${r.n}`,
    );
  const write = (person: string, ...ns: number[]) =>
    harness.store.append(
      `conversation-${person}-agent`,
      ns.map((n) => newEvent("NoteWritten", { n, text: `note ${n}` })),
      "any",
    );
  const erase = (person: string) =>
    harness.store.append(
      `user-${person}`,
      [newEvent("PersonErased", { userId: person, by: "admin", erasedAt: new Date().toISOString() })],
      "any",
    );

  it("drops the person's rows whether cached, only stored, or written in the same batch, and keeps later ones", async () => {
    await write("u1", 1, 2, 3);
    await write("u2", 1, 2);
    const first = startProjector();
    await eventually(async () => (await rows()).length === 5);
    first.abort();
    await Promise.allSettled(runs);

    // A fresh runner knows no row: the erasure must reach the table itself.
    await erase("u1");
    await write("u1", 4);
    startProjector();
    await eventually(
      async () =>
        (await rows()).join() === "conversation-u1-agent#4,conversation-u2-agent#1,conversation-u2-agent#2",
    );

    // The same runner now holds u2's rows in its cache.
    await write("u2", 3);
    await eventually(async () => (await rows()).length === 4);
    await erase("u2");
    await eventually(async () => (await rows()).join() === "conversation-u1-agent#4");

    const reports = await rebuildProjections(deps, [notes], { batchSize: 100 });
    expect(reports[0]?.switched).toBe(true);
    expect(await rows()).toEqual(["conversation-u1-agent#4"]);
  }, 60_000);
});
