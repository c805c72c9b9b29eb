import type { AvailabilityStatus } from "../../domain/agent/availability.ts";
import { assertNever } from "../../domain/shared/decider.ts";

/**
 * When the agent sends a picture. A conversation starts at affinity 0, and a friendly turn moves
 * it a point or two, so a bare affinity threshold turned down every new person's first few asks
 * without saying why. Now closeness or a little acquaintance will do: the agent shares a picture
 * with someone who has not been unkind (affinity 0 or more) once they have written a few messages,
 * and with anyone it feels close to (`minAffinity`) at once. Someone unkind waits until it is better.
 */
export interface ImageGatePolicy {
  /** Affinity at which the agent shares a picture without further acquaintance. */
  minAffinity: number;
  /** Messages from the person after which a picture is fine at any affinity of 0 or more. */
  warmUpMessages: number;
  /** Least time between two pictures for the same person. */
  cooldownMs: number;
  /** Most pictures for the same person in any 24 hours. */
  dailyCap: number;
}

export const defaultImageGatePolicy: ImageGatePolicy = {
  minAffinity: 15,
  warmUpMessages: 4,
  cooldownMs: 30 * 60 * 1000,
  dailyCap: 3,
};

export type ImageDeclineReason = "Asleep" | "AffinityTooLow" | "DailyCapReached" | "CoolingDown";

export type ImageGateDecision =
  | { granted: true }
  | {
      granted: false;
      reason: ImageDeclineReason;
      /** What the agent says, in character. */
      line: string;
      /** When asking again could succeed (ISO), when that is known. */
      retryAt: string | null;
    };

export interface ImageGateInput {
  now: Date;
  affinity: number;
  /** Messages the person has written in this conversation, the asking one included. */
  personMessages?: number;
  availability: AvailabilityStatus;
  /** When the agent is up again (ISO), for an asleep decline. */
  wakesAt?: string | null;
  /** When earlier pictures for this person were granted (ISO), any order. */
  grantedAt: readonly string[];
  policy?: ImageGatePolicy;
  /** Picks among the decline lines; the same seed gives the same line. */
  seed?: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Whether the agent sends a picture now, or declines with a reason code and a line. */
export function gateImageRequest(input: ImageGateInput): ImageGateDecision {
  const policy = input.policy ?? defaultImageGatePolicy;
  const now = input.now.getTime();
  const decline = (reason: ImageDeclineReason, retryAt: number | null): ImageGateDecision => ({
    granted: false,
    reason,
    line: declineLine(reason, input.seed ?? 0),
    retryAt: retryAt === null ? null : new Date(retryAt).toISOString(),
  });
  if (input.availability === "asleep")
    return decline("Asleep", input.wakesAt ? Date.parse(input.wakesAt) : null);
  const acquainted = input.affinity >= 0 && (input.personMessages ?? 0) >= policy.warmUpMessages;
  if (input.affinity < policy.minAffinity && !acquainted) return decline("AffinityTooLow", null);
  const recent = input.grantedAt
    .map((at) => Date.parse(at))
    .filter((at) => Number.isFinite(at) && at <= now && now - at < dayMs)
    .sort((a, b) => a - b);
  if (recent.length >= policy.dailyCap)
    return decline("DailyCapReached", recent[recent.length - policy.dailyCap]! + dayMs);
  const last = recent.at(-1);
  if (last !== undefined && now - last < policy.cooldownMs)
    return decline("CoolingDown", last + policy.cooldownMs);
  return { granted: true };
}

export function declineLine(reason: ImageDeclineReason, seed: number): string {
  const lines = linesFor(reason);
  return lines[Math.abs(Math.trunc(seed)) % lines.length]!;
}

function linesFor(reason: ImageDeclineReason): readonly string[] {
  switch (reason) {
    case "Asleep":
      return [
        "Mm… it's the middle of the night here, I look like a pillow. Ask me in the morning?",
        "No pictures from under the duvet — tomorrow, I promise.",
      ];
    case "AffinityTooLow":
      return [
        "Ha, let's get to know each other a little better first — talk to me a bit and ask again?",
        "Maybe once we've talked a bit more — I'm a little shy with pictures with people I've only just met.",
      ];
    case "DailyCapReached":
      return [
        "You've seen enough of my face for one day, I think! Tomorrow.",
        "I'm all out of selfies today — ask me again tomorrow?",
      ];
    case "CoolingDown":
      return [
        "I literally just sent you one! Give me a little while.",
        "Patience — you'll get another one later.",
      ];
    default:
      return assertNever(reason);
  }
}
