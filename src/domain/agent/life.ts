import { DomainError } from "../shared/decider.ts";
import { charCount } from "../shared/text.ts";
import { localDateTime } from "../shared/time.ts";
import type { DriftMoodBaseline, RecordLifeEvent } from "./commands.ts";
import type { AgentEvent } from "./events.ts";
import { checkMoodState, checkReason } from "./profileRules.ts";
import { LIMITS } from "./schemas.ts";
import type { AgentProfile, AgentState } from "./state.ts";

/** The agent's offline life: what happened to it, and its slowly drifting mood baseline. */

export function recordLifeEvent(
  command: RecordLifeEvent,
  state: AgentState,
  profile: AgentProfile,
): AgentEvent[] {
  if (state.recentLifeEventIds.includes(command.lifeEventId))
    throw new DomainError("LifeEventAlreadyRecorded", "CONFLICT", "This life event is recorded already.");
  const title = command.title.trim();
  const description = command.description.trim();
  if (title.length === 0 || charCount(title) > LIMITS.lifeEventTitle)
    throw new DomainError(
      "LifeEventInvalid",
      "BAD_USER_INPUT",
      `Give the life event a title of 1 to ${LIMITS.lifeEventTitle} characters.`,
    );
  if (description.length === 0 || charCount(description) > LIMITS.lifeEventDescription)
    throw new DomainError(
      "LifeEventInvalid",
      "BAD_USER_INPUT",
      `Describe the life event in 1 to ${LIMITS.lifeEventDescription} characters.`,
    );
  const moodImpact = command.moodImpact ? checkMoodState(command.moodImpact, "LifeEventInvalid") : null;
  return [
    {
      type: "AgentLifeEventOccurred",
      data: {
        agentId: state.agentId!,
        lifeEventId: command.lifeEventId,
        kind: command.kind,
        title,
        description,
        localTime: localDateTime(command.now, profile.identity.timezone).wallClock,
        occurredAt: command.now,
        moodImpact,
      },
    },
  ];
}

export function driftMoodBaseline(
  command: DriftMoodBaseline,
  agentId: string,
  profile: AgentProfile,
): AgentEvent[] {
  const to = checkMoodState(command.to);
  const reason = checkReason(command.reason, "DriftReasonRequired", "the reason for the drift");
  const from = profile.moodBaseline;
  if (from.mood === to.mood && from.intensity === to.intensity) return [];
  return [{ type: "AgentMoodBaselineDrifted", data: { agentId, from, to, reason } }];
}
