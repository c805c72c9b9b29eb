import { DomainError } from "../shared/decider.ts";
import { isMediaUrl } from "../shared/schemas.ts";
import { charCount } from "../shared/text.ts";
import type { RequestImageJob } from "./commands.ts";
import { DEFAULT_MAX_ATTEMPTS, type ImageJobEvent, MAX_ATTEMPTS_LIMIT, PROMPT_MAX } from "./events.ts";
import type { ImageJobState } from "./state.ts";

export function requestImageJob(command: RequestImageJob, state: ImageJobState): ImageJobEvent[] {
  if (state.status !== "absent")
    throw new DomainError(
      "ImageJobAlreadyRequested",
      "CONFLICT",
      "This image job exists already; use a new id.",
    );
  const prompt = command.prompt.trim();
  if (prompt.length === 0 || charCount(prompt) > PROMPT_MAX)
    throw new DomainError(
      "ImagePromptInvalid",
      "BAD_USER_INPUT",
      `Describe the image in 1 to ${PROMPT_MAX} characters.`,
    );
  if (command.kind === "variation" && !command.basePortraitUrl)
    throw new DomainError(
      "BasePortraitRequired",
      "BAD_USER_INPUT",
      "The agent needs a base portrait before it can send pictures; create one first.",
    );
  if (command.basePortraitUrl !== undefined && !isMediaUrl(command.basePortraitUrl))
    throw new DomainError(
      "InvalidImageUrl",
      "BAD_USER_INPUT",
      "The base portrait needs an http(s) URL or a path on this server.",
    );
  const maxAttempts = command.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT)
    throw new DomainError(
      "ImageJobAttemptsInvalid",
      "BAD_USER_INPUT",
      `Allow between 1 and ${MAX_ATTEMPTS_LIMIT} attempts.`,
    );
  const data = {
    imageJobId: command.imageJobId,
    kind: command.kind,
    agentId: command.agentId,
    prompt,
    requestedBy: command.requestedBy,
    maxAttempts,
    requestedAt: command.now,
  };
  return [
    {
      type: "ImageJobRequested",
      data: {
        ...data,
        ...(command.userId === undefined ? {} : { userId: command.userId }),
        ...(command.basePortraitUrl === undefined ? {} : { basePortraitUrl: command.basePortraitUrl }),
      },
    },
  ];
}
