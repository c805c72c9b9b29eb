import { agentDecider } from "../../domain/agent/decider.ts";
import { conversationDecider } from "../../domain/conversation/decider.ts";
import { imageJobDecider } from "../../domain/imageJob/decider.ts";
import { assertNever } from "../../domain/shared/decider.ts";
import { agentStreamId, imageJobStreamId } from "../../domain/streamIds.ts";
import { reactionContext } from "../engine/conversationDriver.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import type { ImageDependencies } from "./imageDependencies.ts";
import { runImageJob } from "./imageJobRunner.ts";

const ACTOR = "system:images";

/**
 * Pictures end to end: a granted selfie becomes an image job, every job is carried to its end,
 * and a finished base portrait becomes the agent's portrait.
 */
export function imagesReactor(deps: ImageDependencies): Reactor {
  return defineReactor({
    name: "images",
    canHandle: ["ImageRequestGranted", "ImageJobRequested", "ImageJobRetryScheduled", "ImageJobSucceeded"],
    concurrency: 16,
    async handle(event, signal) {
      const now = deps.clock.now();
      switch (event.type) {
        case "ImageRequestGranted": {
          const granted = event.data;
          const { state: conversation } = await deps.commands.load(conversationDecider, event.streamId, {
            atLeastRevision: event.revision,
          });
          if (!conversation.agentId || !conversation.userId) return;
          const { state: agent } = await deps.commands.load(
            agentDecider,
            agentStreamId(conversation.agentId),
          );
          if (!agent.basePortrait) return;
          await deps.commands.handle(
            imageJobDecider,
            imageJobStreamId(granted.imageJobId),
            {
              type: "RequestImageJob",
              imageJobId: granted.imageJobId,
              kind: "variation",
              agentId: conversation.agentId,
              userId: conversation.userId,
              prompt: granted.scenePrompt,
              basePortraitUrl: agent.basePortrait.url,
              requestedBy: conversation.userId,
              now: now.toISOString(),
            },
            reactionContext(event, `request-image-job:${granted.imageJobId}`, now, ACTOR),
          );
          return;
        }
        case "ImageJobRequested":
        case "ImageJobRetryScheduled":
          await runImageJob(deps, event.data.imageJobId, event, signal);
          return;
        case "ImageJobSucceeded": {
          const succeeded = event.data;
          const { state: job } = await deps.commands.load(imageJobDecider, event.streamId);
          if (job.kind !== "basePortrait" || !job.agentId) return;
          await deps.commands.handle(
            agentDecider,
            agentStreamId(job.agentId),
            {
              type: "SetAgentBasePortrait",
              agentId: job.agentId,
              imageJobId: succeeded.imageJobId,
              url: succeeded.url,
              now: now.toISOString(),
            },
            reactionContext(event, `set-base-portrait:${succeeded.imageJobId}`, now, ACTOR),
          );
          return;
        }
        default:
          return assertNever(event);
      }
    },
  });
}
