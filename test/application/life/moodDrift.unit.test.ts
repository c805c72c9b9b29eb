import { describe, expect, it } from "vitest";
import type { RecentLifeEvent } from "../../../src/application/life/lifeEventPlanner.ts";
import {
  decayedMood,
  defaultBaselineDrift,
  moodDecayCommand,
  planBaselineDrift,
} from "../../../src/application/life/moodDrift.ts";
import type { MoodState } from "../../../src/domain/shared/mood.ts";

const HOUR = 3_600_000;
const content: MoodState = { mood: "content", intensity: 0.5 };

describe("decayedMood", () => {
  it("halves the distance to the baseline every half-life", () => {
    expect(decayedMood({ mood: "content", intensity: 0.9 }, content, 6 * HOUR)).toEqual({
      mood: "content",
      intensity: 0.7,
    });
    expect(decayedMood({ mood: "content", intensity: 0.9 }, content, 12 * HOUR).intensity).toBe(0.6);
  });

  it("fades another mood and gives way to the baseline when it runs low", () => {
    expect(decayedMood({ mood: "irritated", intensity: 0.8 }, content, 6 * HOUR)).toEqual({
      mood: "irritated",
      intensity: 0.4,
    });
    expect(decayedMood({ mood: "irritated", intensity: 0.8 }, content, 18 * HOUR)).toEqual(content);
  });
});

describe("moodDecayCommand", () => {
  const base = {
    userId: "u1",
    agentId: "a1",
    baseline: content,
    lastUserMessageAt: "2025-10-20T10:00:00.000Z",
    moodSince: "2025-10-20T10:00:00.000Z",
  };

  it("shifts the mood with the reason 'time passed' once the change is worth it", () => {
    const command = moodDecayCommand({
      ...base,
      mood: { mood: "joyful", intensity: 0.9 },
      now: new Date("2025-10-20T16:00:00Z"),
    });
    expect(command).toEqual({
      type: "ShiftMood",
      userId: "u1",
      agentId: "a1",
      mood: "joyful",
      intensity: 0.45,
      reason: "time passed",
      now: "2025-10-20T16:00:00.000Z",
    });
  });

  it("writes nothing for a small change, while the person is talking, or without a mood of its own", () => {
    const mood = { mood: "joyful" as const, intensity: 0.9 };
    expect(moodDecayCommand({ ...base, mood, now: new Date("2025-10-20T10:20:00Z") })).toBeNull();
    expect(
      moodDecayCommand({
        ...base,
        mood,
        moodSince: "2025-10-20T11:55:00Z",
        now: new Date("2025-10-20T12:00:00Z"),
      }),
    ).toBeNull();
    expect(moodDecayCommand({ ...base, mood: null, now: new Date("2025-10-21T10:00:00Z") })).toBeNull();
    expect(
      moodDecayCommand({
        ...base,
        mood: { mood: "content", intensity: 0.53 },
        now: new Date("2025-10-22T10:00:00Z"),
      }),
    ).toBeNull();
  });

  it("returns to the baseline mood after a long quiet stretch", () => {
    const command = moodDecayCommand({
      ...base,
      mood: { mood: "anxious", intensity: 0.7 },
      now: new Date("2025-10-21T10:00:00Z"),
    });
    expect(command).toMatchObject({ mood: "content", intensity: 0.5, reason: "time passed" });
  });
});

describe("planBaselineDrift", () => {
  const event = (mood: MoodState["mood"], hoursAgo: number, now: Date): RecentLifeEvent => ({
    lifeEventId: `e-${mood}-${hoursAgo}`,
    kind: "event",
    title: `something ${mood}`,
    description: "…",
    occurredAt: new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
    moodImpact: { mood, intensity: 0.7 },
  });
  /** Every drift over `days` days of hourly ticks, feeding each result back. */
  const driftOver = (days: number, events: (now: Date) => RecentLifeEvent[]) => {
    let baseline = content;
    let lastDriftAt: string | null = null;
    const drifts = [];
    for (let h = 0; h < days * 24; h++) {
      const now = new Date(Date.parse("2025-10-20T00:00:00Z") + h * HOUR);
      const input = { agentId: "a1", timezone: "Europe/Berlin", baseline, origin: content, lastDriftAt, now };
      const drift = planBaselineDrift({ ...input, recentLifeEvents: events(now) });
      if (drift) {
        drifts.push(drift);
        baseline = drift.to;
        lastDriftAt = now.toISOString();
      }
    }
    return drifts;
  };

  it("drifts a little, at most once a day, following recent life events", () => {
    const drifts = driftOver(14, (now) => [event("joyful", 3, now), event("joyful", 20, now)]);
    expect(drifts.length).toBeGreaterThan(3);
    expect(drifts.length).toBeLessThanOrEqual(14);
    let previous = content;
    for (const drift of drifts) {
      if (drift.to.mood === previous.mood)
        expect(Math.abs(drift.to.intensity - previous.intensity)).toBeLessThanOrEqual(
          defaultBaselineDrift.step + 1e-9,
        );
      expect(drift.to.intensity).toBeGreaterThanOrEqual(defaultBaselineDrift.minIntensity);
      expect(drift.to.intensity).toBeLessThanOrEqual(defaultBaselineDrift.maxIntensity);
      expect(drift.reason).toMatch(/^after something joyful/);
      previous = drift.to;
    }
    expect(drifts.at(-1)!.to.mood).toBe("joyful");
  });

  it("settles back toward where it began on quiet days", () => {
    const drift = planBaselineDriftUntilOne({ mood: "melancholy", intensity: 0.3 });
    expect(drift.to).toEqual({ mood: "melancholy", intensity: 0.25 });
    expect(drift.reason).toMatch(/settling back/);
  });

  function planBaselineDriftUntilOne(baseline: MoodState) {
    for (let h = 0; h < 24 * 7; h++) {
      const now = new Date(Date.parse("2025-10-20T00:00:00Z") + h * HOUR);
      const drift = planBaselineDrift({
        agentId: "a1",
        timezone: "Europe/Berlin",
        baseline,
        origin: content,
        recentLifeEvents: [],
        lastDriftAt: null,
        now,
      });
      if (drift) return drift;
    }
    throw new Error("no drift within a week");
  }
});
