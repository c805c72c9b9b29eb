import { randomUUID } from "node:crypto";
import { imageJobDecider } from "../../domain/imageJob/decider.ts";
import { imageJobStreamId } from "../../domain/streamIds.ts";
import type { BasePortraitQueue } from "../agents/basePortraitQueue.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { commandContext } from "../users/requestMeta.ts";

/** Base portraits as image jobs: the images reactor makes them and sets them on the agent. */
export function imageJobBasePortraitQueue(commands: CommandHandler): BasePortraitQueue {
  return {
    async queueBasePortrait(request, meta) {
      const imageJobId = request.imageJobId ?? randomUUID();
      await commands.handle(
        imageJobDecider,
        imageJobStreamId(imageJobId),
        {
          type: "RequestImageJob",
          imageJobId,
          kind: "basePortrait",
          agentId: request.agentId,
          prompt: request.appearancePrompt,
          requestedBy: meta.actor.replace(/^\w+:/, "") || "system",
          now: meta.now.toISOString(),
        },
        commandContext(meta, `base-portrait:${imageJobId}`),
      );
      return imageJobId;
    },
  };
}
