import type { RequestMeta } from "../users/requestMeta.ts";

/**
 * Where agent operations hand off the base portrait: the images work implements it by requesting
 * an image job of kind `basePortrait` for the agent. Until it is wired, agents are created
 * without a portrait job and `regenerateBasePortrait` reports that portraits are not set up.
 */
export interface BasePortraitQueue {
  /** Requests a new base portrait from the appearance prompt; returns the image job id. */
  queueBasePortrait(
    request: {
      agentId: string;
      appearancePrompt: string;
      reason: "created" | "appearanceChanged" | "requested";
      /** A job id chosen by the caller (a retried creation asks for its first job again). */
      imageJobId?: string;
    },
    meta: RequestMeta,
  ): Promise<string>;
}

export class BasePortraitsUnavailableError extends Error {
  constructor() {
    super("Portraits are not set up on this server yet; the agent keeps its current portrait.");
    this.name = "BasePortraitsUnavailableError";
  }
}
