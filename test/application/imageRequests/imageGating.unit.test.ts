import { describe, expect, it } from "vitest";
import {
  declineLine,
  gateImageRequest,
  type ImageGateInput,
} from "../../../src/application/imageRequests/imageGating.ts";

const now = new Date("2025-05-02T18:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const gate = (overrides: Partial<ImageGateInput> = {}) =>
  gateImageRequest({ now, affinity: 40, availability: "free", grantedAt: [], ...overrides });

describe("image request gating", () => {
  it("grants a picture to someone close enough who has not had one lately", () => {
    expect(gate()).toEqual({ granted: true });
    expect(gate({ availability: "busy", grantedAt: [ago(31), ago(24 * 60 + 1)] })).toEqual({ granted: true });
  });

  it("declines while asleep, until wake-up", () => {
    expect(gate({ availability: "asleep", wakesAt: "2025-05-03T06:00:00.000Z" })).toMatchObject({
      granted: false,
      reason: "Asleep",
      retryAt: "2025-05-03T06:00:00.000Z",
    });
  });

  it("declines below the affinity threshold", () => {
    expect(gate({ affinity: 14 })).toMatchObject({ granted: false, reason: "AffinityTooLow", retryAt: null });
    expect(gate({ affinity: 15 }).granted).toBe(true);
    expect(
      gate({ affinity: 5, policy: { minAffinity: 0, warmUpMessages: 4, cooldownMs: 0, dailyCap: 1 } })
        .granted,
    ).toBe(true);
  });

  it("shares a picture with a new person once they have talked a little, unless they were unkind", () => {
    expect(gate({ affinity: 0, personMessages: 1 })).toMatchObject({
      granted: false,
      reason: "AffinityTooLow",
    });
    expect(gate({ affinity: 2, personMessages: 3 })).toMatchObject({
      granted: false,
      reason: "AffinityTooLow",
    });
    expect(gate({ affinity: 0, personMessages: 4 })).toEqual({ granted: true });
    expect(gate({ affinity: 6, personMessages: 12 })).toEqual({ granted: true });
    expect(gate({ affinity: -3, personMessages: 30 })).toMatchObject({
      granted: false,
      reason: "AffinityTooLow",
    });
    expect(gate({ affinity: 20, personMessages: 1 })).toEqual({ granted: true });
  });

  it("keeps a cooldown between pictures", () => {
    expect(gate({ grantedAt: [ago(10)] })).toMatchObject({
      granted: false,
      reason: "CoolingDown",
      retryAt: new Date(now.getTime() + 20 * 60_000).toISOString(),
    });
  });

  it("caps pictures per person in any 24 hours", () => {
    const decision = gate({ grantedAt: [ago(60), ago(600), ago(300)] });
    expect(decision).toMatchObject({
      granted: false,
      reason: "DailyCapReached",
      retryAt: new Date(now.getTime() + (24 * 60 - 600) * 60_000).toISOString(),
    });
  });

  it("checks sleep first, then affinity, then the cap, then the cooldown", () => {
    const everything = { affinity: -10, grantedAt: [ago(1), ago(2), ago(3)] };
    expect(gate({ ...everything, availability: "asleep" })).toMatchObject({ reason: "Asleep" });
    expect(gate(everything)).toMatchObject({ reason: "AffinityTooLow" });
    expect(gate({ grantedAt: everything.grantedAt })).toMatchObject({ reason: "DailyCapReached" });
  });

  it("declines in character, the same way for the same seed", () => {
    const first = gate({ affinity: 0, seed: 3 });
    expect(first).toEqual(gate({ affinity: 0, seed: 3 }));
    expect(first.granted === false && first.line).toMatch(/know each other|shy/);
    expect(declineLine("CoolingDown", 0)).not.toBe(declineLine("CoolingDown", 1));
    for (const reason of ["Asleep", "AffinityTooLow", "DailyCapReached", "CoolingDown"] as const)
      expect(declineLine(reason, 7)).not.toMatch(/\bAI\b|model|policy/);
  });

  it("opens every decline line with a capital, as any reply sentence", () => {
    for (const reason of ["Asleep", "AffinityTooLow", "DailyCapReached", "CoolingDown"] as const)
      for (const seed of [0, 1, 2, 3]) expect(declineLine(reason, seed)).toMatch(/^[A-Z]/);
  });
});
