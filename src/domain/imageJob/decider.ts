import { assertNever, type Decider, DomainError } from "../shared/decider.ts";
import { complete, fail, progress, submit } from "./attempts.ts";
import type { ImageJobCommand } from "./commands.ts";
import type { ImageJobEvent } from "./events.ts";
import { requestImageJob } from "./request.ts";
import { evolveImageJob, type ImageJobState, initialImageJobState, isFinished } from "./state.ts";

export { retryDelaySeconds } from "./attempts.ts";
export type { ImageJobResult, ImageJobState, ImageJobStatus } from "./state.ts";

function decide(command: ImageJobCommand, state: ImageJobState): ImageJobEvent[] {
  if (command.type === "RequestImageJob") return requestImageJob(command, state);
  if (state.status === "absent")
    throw new DomainError("ImageJobNotFound", "NOT_FOUND", "There is no such image job.");
  if (isFinished(state))
    throw new DomainError(
      "ImageJobAlreadyFinished",
      "CONFLICT",
      `This image job has ${state.status} already.`,
    );
  switch (command.type) {
    case "SubmitImageJob":
      return submit(command, state);
    case "ReportImageJobProgress":
      return progress(command, state);
    case "CompleteImageJob":
      return complete(command, state);
    case "FailImageJob":
      return fail(command, state);
    default:
      return assertNever(command);
  }
}

export const imageJobDecider: Decider<ImageJobState, ImageJobCommand, ImageJobEvent> = {
  initialState: initialImageJobState,
  evolve: evolveImageJob,
  decide,
};
