import { describe, expect, it } from "vitest";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { workloadRounds } from "../../support/workload.ts";

const flat = (seed: number, events: number) => [...workloadRounds({ seed, events })].flat();

describe("workload", () => {
  it("is the same for the same seed and different for another", () => {
    const first = flat(5, 3_000);
    expect(JSON.stringify(flat(5, 3_000))).toBe(JSON.stringify(first));
    expect(JSON.stringify(flat(6, 3_000))).not.toBe(JSON.stringify(first));
  });

  it("writes valid events of every kind, each stream at most once a round", () => {
    const rounds = [...workloadRounds({ seed: 11, events: 20_000, trees: true })];
    const events = rounds.flat().flatMap((a) => a.events);
    expect(events.length).toBeGreaterThanOrEqual(20_000);
    for (const event of events) catalogue.parse(event.type, event.metadata.schemaVersion, event.data);
    const types = new Set(events.map((e) => e.type));
    for (const type of catalogue
      .types()
      // PersonErased ends a person's history; test/application/privacy covers it.
      .filter(
        (t) => !["AgentRenamed", "AgentPersonaUpdated", "AgentIdentityUpdated", "PersonErased"].includes(t),
      ))
      expect(types).toContain(type);
    for (const round of rounds) expect(new Set(round.map((a) => a.streamId)).size).toBe(round.length);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    // 20,000 events decided and folded by the real deciders take a few seconds on a busy machine.
  }, 30_000);
});
