import { DomainError } from "../shared/decider.ts";
import { charCount } from "../shared/text.ts";
import { utcDayKey } from "../shared/time.ts";
import type { DeclineImageRequest, GrantImageRequest } from "./commands.ts";
import type { ConversationEvent } from "./events.ts";
import type { ConversationState } from "./state.ts";
import { cause, causeOf } from "./treeRules.ts";

const SCENE_PROMPT_MAX = 1000;

/**
 * Whether to send a selfie is the application's call (limits, timing, availability, mood); the
 * decider only keeps the decisions consistent: one per request, each about a user message. The
 * gating counters belong to the path of the message the decision names (the reply being written).
 */

/** Granted and declined requests on the UTC day of `now` on the active path: what daily limits read. */
export function imageRequestsOn(
  state: ConversationState,
  now: string,
): { granted: number; declined: number } {
  return state.imageRequests.perDay[utcDayKey(now)] ?? { granted: 0, declined: 0 };
}

export function grantImageRequest(command: GrantImageRequest, state: ConversationState): ConversationEvent[] {
  const causedBy = requireUndecided(command, state);
  const scenePrompt = command.scenePrompt.trim();
  if (scenePrompt.length === 0 || charCount(scenePrompt) > SCENE_PROMPT_MAX)
    throw new DomainError(
      "ScenePromptInvalid",
      "BAD_USER_INPUT",
      `Describe the scene in 1 to ${SCENE_PROMPT_MAX} characters.`,
    );
  return [
    {
      type: "ImageRequestGranted",
      data: {
        requestId: command.requestId,
        imageJobId: command.imageJobId,
        scenePrompt,
        inReplyTo: command.inReplyTo,
        grantedAt: command.now,
        ...cause(causedBy),
      },
    },
  ];
}

export function declineImageRequest(
  command: DeclineImageRequest,
  state: ConversationState,
): ConversationEvent[] {
  const causedBy = requireUndecided(command, state);
  return [
    {
      type: "ImageRequestDeclined",
      data: {
        requestId: command.requestId,
        reason: command.reason,
        inReplyTo: command.inReplyTo,
        declinedAt: command.now,
        ...cause(causedBy),
      },
    },
  ];
}

/** The message the decision belongs to, once the request is known to be undecided and about a user message. */
function requireUndecided(
  command: GrantImageRequest | DeclineImageRequest,
  state: ConversationState,
): string | undefined {
  if (state.decidedImageRequestIds.includes(command.requestId))
    throw new DomainError(
      "ImageRequestAlreadyDecided",
      "CONFLICT",
      "This image request has been answered already.",
    );
  if (state.tree.nodes.get(command.inReplyTo)?.kind !== "user")
    throw new DomainError(
      "MessageNotFound",
      "NOT_FOUND",
      "An image request must answer a message of this conversation.",
    );
  return causeOf(state, command.causedBy).causedBy;
}
