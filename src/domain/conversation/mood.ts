import { DomainError } from "../shared/decider.ts";
import { isIntensity, isMood, type MoodState } from "../shared/mood.ts";
import { charCount } from "../shared/text.ts";
import type { ShiftMood } from "./commands.ts";
import { type ConversationEvent, REASON_MAX } from "./events.ts";
import type { ConversationState } from "./state.ts";
import { cause, causeOf } from "./treeRules.ts";

/** The agent's mood toward this person: one of a small named set, with an intensity from 0 to 1. */

/** The mood to use when the conversation has none of its own yet: the agent's baseline. */
export function currentMood(state: ConversationState, baseline: MoodState): MoodState {
  return state.mood ?? baseline;
}

export function shiftMood(command: ShiftMood, state: ConversationState): ConversationEvent[] {
  if (!isMood(command.mood) || !isIntensity(command.intensity))
    throw new DomainError(
      "MoodInvalid",
      "BAD_USER_INPUT",
      "Pick a known mood and an intensity between 0 and 1.",
    );
  const reason = checkReason(command.reason);
  const { causedBy, at } = causeOf(state, command.causedBy);
  const previous = at.mood;
  if (previous?.mood === command.mood && previous.intensity === command.intensity) return [];
  const { mood, intensity } = command;
  return [{ type: "MoodShifted", data: { mood, intensity, previous, reason, ...cause(causedBy) } }];
}

export function checkReason(value: string): string {
  const reason = value.trim();
  if (reason.length === 0 || charCount(reason) > REASON_MAX)
    throw new DomainError(
      "ReasonRequired",
      "BAD_USER_INPUT",
      `Give a reason of 1 to ${REASON_MAX} characters.`,
    );
  return reason;
}
