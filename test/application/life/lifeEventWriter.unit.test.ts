import { describe, expect, it } from "vitest";
import { planLifeEvent } from "../../../src/application/life/lifeEventPlanner.ts";
import {
  modelLifeEventWriter,
  templateLifeEventWriter,
} from "../../../src/application/life/lifeEventWriter.ts";
import { promptLifeEvents } from "../../../src/application/life/lifeWiring.ts";
import { modelStrategies, offlineStrategies } from "../../../src/application/strategies.ts";
import { rhythmFor } from "../../../src/domain/agent/dailyRhythm.ts";
import type { ReplyModel } from "../../../src/ports/replyModel.ts";
import { marcus } from "./lifeFixtures.ts";

const model = (text: string): ReplyModel => ({
  name: "test",
  describe: () => ({ adapter: "test", model: "test-model" }),
  streamReply: () => {
    throw new Error("not used");
  },
  complete: async () => ({
    text,
    model: "test-model",
    usage: { promptTokens: 1, completionTokens: 1 },
    finishReason: "stop",
  }),
});

// 20:00 in New York on a Tuesday: the barista is home.
const plan = planLifeEvent({
  agent: marcus,
  now: new Date("2025-10-22T00:45:00Z"),
  activeScenarios: [],
  recentLifeEvents: [],
  chance: 1,
})!;
const context = {
  agent: {
    name: "Marcus",
    summary: "A barista.",
    speakingStyle: "dry",
    homeCity: "New York",
    occupation: "barista",
  },
  rhythm: rhythmFor("barista"),
  hemisphere: "north" as const,
};

describe("life event writers", () => {
  it("keeps a model's retelling that fits the clock", async () => {
    expect(plan.local.time).toBe("20:45");
    const written = {
      title: "Records and rain",
      description: "Put on an old Coltrane record while it rained outside.",
    };
    expect(await modelLifeEventWriter(model(JSON.stringify(written))).write(plan, context)).toEqual({
      title: written.title,
      description: "I put on an old Coltrane record while it rained outside.",
    });
  });

  it("falls back to the template when the model's text does not fit or does not parse", async () => {
    const template = await templateLifeEventWriter.write(plan, context);
    const morning = JSON.stringify({ title: "Morning coffee", description: "Sunrise latte." });
    expect(await modelLifeEventWriter(model(morning)).write(plan, context)).toEqual(template);
    expect(await modelLifeEventWriter(model("not json")).write(plan, context)).toEqual(template);
  });

  it("uses templates offline and the model otherwise", () => {
    expect(offlineStrategies().lifeEvents.name).toBe("templates");
    expect(offlineStrategies().initiations.name).toBe("templates");
    expect(modelStrategies(model("")).lifeEvents.name).toBe("model (test-model)");
  });
});

describe("promptLifeEvents", () => {
  it("retells every event as a first-person sentence", () => {
    const now = new Date("2025-10-22T12:00:00Z");
    const summary = (title: string, description: string) =>
      promptLifeEvents(
        [
          {
            lifeEventId: "e",
            kind: "event",
            title,
            description,
            occurredAt: now.toISOString(),
            moodImpact: null,
          },
        ],
        now,
      )[0]!.summary;
    expect(summary("A meeting that could have been an email", "Sat through an hour-long meeting")).toBe(
      "I sat through an hour-long meeting.",
    );
    expect(summary("Visiting family", "She is staying with her parents in Porto.")).toBe(
      "I am staying with my parents in Porto.",
    );
    expect(summary("A hectic stretch", "Everything happened at once.")).toBe(
      "My day: everything happened at once.",
    );
    expect(summary("Walk", "My feet hurt after the hike.")).toBe("My feet hurt after the hike.");
  });

  it("hands the prompt the last few events of the last day and a half", () => {
    const now = new Date("2025-10-22T12:00:00Z");
    const event = (hoursAgo: number) => ({
      lifeEventId: `e${hoursAgo}`,
      kind: "event" as const,
      title: `T${hoursAgo}`,
      description: `I did thing ${hoursAgo}.`,
      occurredAt: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString(),
      moodImpact: null,
    });
    const events = [48, 30, 20, 10, 5, 3, 1].map(event);
    expect(promptLifeEvents(events, now).map((e) => e.summary)).toEqual([
      "I did thing 20.",
      "I did thing 10.",
      "I did thing 5.",
      "I did thing 3.",
      "I did thing 1.",
    ]);
    expect(promptLifeEvents(events, now, { limit: 2 })).toEqual([
      { at: events[5]!.occurredAt, summary: "I did thing 3." },
      { at: events[6]!.occurredAt, summary: "I did thing 1." },
    ]);
  });
});
