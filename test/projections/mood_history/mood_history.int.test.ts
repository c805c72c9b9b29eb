import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moodHistoryProjection } from "../../../projections/mood_history/projection.ts";
import { listMoodHistory } from "../../../projections/mood_history/queries.ts";
import { conversationStreamId } from "../../support/domainEvents.ts";
import { at, moodShifted, started } from "../conversationEvents.ts";
import { type ProjectionHarness, startProjectionHarness } from "../projectionHarness.ts";

describe("mood_history projection", () => {
  let h: ProjectionHarness;
  beforeAll(async () => {
    h = await startProjectionHarness([moodHistoryProjection]);
  });
  afterAll(() => h.close());

  it("records each shift with the mood before it, filtered by time", async () => {
    const stream = conversationStreamId("u1", "noa");
    await h.append(stream, [started("u1", "noa")], at(0));
    await h.append(stream, [moodShifted("playful", 0.7, null)], at(2));
    await h.append(stream, [moodShifted("calm", 0.4, { mood: "playful", intensity: 0.7 })], at(6));
    await h.settle();

    expect(await listMoodHistory(h.pool, { userId: "u1", agentId: "noa" })).toEqual([
      { at: at(2), mood: "playful", intensity: 0.7, previous: null, reason: "feels playful", revision: 1 },
      {
        at: at(6),
        mood: "calm",
        intensity: 0.4,
        previous: { mood: "playful", intensity: 0.7 },
        reason: "feels calm",
        revision: 2,
      },
    ]);
    expect(
      (await listMoodHistory(h.pool, { userId: "u1", agentId: "noa", from: at(3) })).map((p) => p.mood),
    ).toEqual(["calm"]);
    expect(
      (await listMoodHistory(h.pool, { userId: "u1", agentId: "noa", to: at(3) })).map((p) => p.mood),
    ).toEqual(["playful"]);
  });
});
