import { DomainError } from "../shared/decider.ts";
import type { ChangeAffinity } from "./commands.ts";
import { AFFINITY_MAX, AFFINITY_MIN, AFFINITY_TURN_LIMIT, type ConversationEvent } from "./events.ts";
import { checkReason } from "./mood.ts";
import type { ConversationState } from "./state.ts";
import { cause, causeOf } from "./treeRules.ts";

/**
 * Affinity toward this person runs from -100 to 100 and moves by small whole-number deltas with
 * a reason. Within one turn it moves at most AFFINITY_TURN_LIMIT either way; beyond that, and at
 * the bounds, the delta is clamped, and a delta clamped to nothing writes no event. All of it is
 * reckoned on the path of the message the change belongs to.
 */
export function changeAffinity(command: ChangeAffinity, state: ConversationState): ConversationEvent[] {
  const requested = command.delta;
  if (!Number.isInteger(requested))
    throw new DomainError(
      "AffinityDeltaInvalid",
      "BAD_USER_INPUT",
      "Give the affinity change as a whole number.",
    );
  if (Math.abs(requested) > AFFINITY_TURN_LIMIT)
    throw new DomainError(
      "AffinityDeltaTooLarge",
      "BAD_USER_INPUT",
      `Change affinity by at most ${AFFINITY_TURN_LIMIT} either way.`,
    );
  const reason = checkReason(command.reason);
  const { causedBy, at } = causeOf(state, command.causedBy);
  const { delta, value } = applyAffinityDelta(at.affinity, at.affinityThisTurn, requested);
  if (delta === 0) return [];
  return [
    {
      type: "AffinityChanged",
      data: { delta, requestedDelta: requested, reason, value, ...cause(causedBy) },
    },
  ];
}

/** The delta that can actually apply, and the value it leads to. */
export function applyAffinityDelta(
  affinity: number,
  movedThisTurn: number,
  requested: number,
): { delta: number; value: number } {
  const withinTurn = clamp(
    requested,
    -AFFINITY_TURN_LIMIT - movedThisTurn,
    AFFINITY_TURN_LIMIT - movedThisTurn,
  );
  const value = clamp(affinity + withinTurn, AFFINITY_MIN, AFFINITY_MAX);
  return { delta: value - affinity, value };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
