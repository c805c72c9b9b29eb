import type { ConversationCommand } from "../../domain/conversation/commands.ts";
import { findMessage, imageRequestsOn, pathTo } from "../../domain/conversation/decider.ts";
import type { ImageDeclineReason } from "../../domain/conversation/events.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import { detectImageRequest } from "../imageRequests/detectImageRequest.ts";
import { type ImageDeclineReason as GateReason, gateImageRequest } from "../imageRequests/imageGating.ts";
import { describeScene } from "../imageRequests/scenePrompt.ts";
import { uuidv5 } from "../nameUuid.ts";
import { assembleReplyContext } from "../prompt/assembleReplyContext.ts";
import { declinedImageLine } from "./imageRequestLines.ts";
import { seedFrom } from "./replyWriter.ts";
import type { TurnContext } from "./turnContext.ts";

const IMAGE_NAMESPACE = "3b0f4a52-2c7e-4d1a-9f86-5e2b7d9c1a43";

/** The image job a granted request starts; the same reply always gives the same id. */
export function imageJobIdFor(replyId: string): string {
  return uuidv5(`${replyId}:image-job`, IMAGE_NAMESPACE);
}

export type ImageDecision =
  | { kind: "none" }
  | { kind: "granted"; line: string; command: ConversationCommand }
  | { kind: "declined"; line: string; command: ConversationCommand };

/**
 * Whether the message asks for a picture and whether the agent sends one: the gating rules
 * (affinity, availability, cooldown, daily cap) and a base portrait to start from. The agent's
 * answer is a line in character; the command records the decision with the reply.
 */
export function decideImageRequest(turn: TurnContext, now: Date, replyId: string): ImageDecision {
  const detection = detectImageRequest(turn.message.text);
  if (!detection.requested) return { kind: "none" };
  const context = assembleReplyContext(turn.prompt);
  const base = {
    userId: turn.userId,
    agentId: turn.agentId,
    now: now.toISOString(),
    // Each reply decides for itself (a regenerated reply decides again), on its own path.
    requestId: uuidv5(`${replyId}:image-request`, IMAGE_NAMESPACE),
    inReplyTo: turn.message.messageId,
    causedBy: replyId,
  };
  const decline = (reason: ImageDeclineReason, line: string): ImageDecision => ({
    kind: "declined",
    line,
    command: { type: "DeclineImageRequest", ...base, reason },
  });
  if (!turn.agent.basePortrait) {
    const line = "I don't have a good picture of myself yet — give me a little while!";
    return decline("no_base_portrait", declinedImageLine(detection.kind, context, null, line));
  }
  const todays = imageRequestsOn(turn.conversation, base.now).granted;
  const lastGranted = turn.conversation.imageRequests.lastGrantedAt;
  const gate = gateImageRequest({
    now,
    affinity: turn.conversation.affinity,
    // What the person said on this path, not on branches left behind.
    personMessages: pathTo(turn.conversation, turn.message.messageId).filter(
      (id) => findMessage(turn.conversation, id)?.kind === "user",
    ).length,
    availability: context.availability.status,
    wakesAt: context.availability.deferUntil ?? null,
    grantedAt: lastGranted ? Array.from({ length: Math.max(1, todays) }, () => lastGranted) : [],
    seed: seedFrom(turn.message.messageId),
  });
  if (!gate.granted)
    return decline(
      declineReason(gate.reason),
      declinedImageLine(detection.kind, context, gate.reason, gate.line),
    );
  const scene = describeScene({ ...context, personMessage: turn.message.text, kind: detection.kind });
  return {
    kind: "granted",
    line: grantLine(scene.location, seedFrom(turn.message.messageId)),
    command: {
      type: "GrantImageRequest",
      ...base,
      imageJobId: imageJobIdFor(replyId),
      scenePrompt: scene.prompt,
    },
  };
}

function declineReason(reason: GateReason): ImageDeclineReason {
  switch (reason) {
    case "Asleep":
      return "agent_asleep";
    case "AffinityTooLow":
      return "not_comfortable";
    case "DailyCapReached":
      return "daily_limit";
    case "CoolingDown":
      return "too_soon";
    default:
      return assertNever(reason);
  }
}

const grantLines = [
  (place: string) => `Okay, okay — here's me right now, ${place}. Give it a second to come through 📸`,
  (place: string) => `Sure! Taking one now, ${place}. Don't laugh 🙈`,
  (place: string) => `Just for you: a quick one, ${place}. Sending it now ✨`,
];

function grantLine(place: string, seed: number): string {
  return grantLines[seed % grantLines.length]!(place);
}
