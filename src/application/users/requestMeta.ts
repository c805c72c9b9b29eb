import type { CommandContext } from "../commandHandler.ts";

/** Who asks and when, as an API request or CLI call knows it; turned into each command's context. */
export interface RequestMeta {
  /** `user:<id>` or `admin:<id>`: recorded as the events' actor. */
  actor: string;
  requestId: string | null;
  now: Date;
}

export function commandContext(meta: RequestMeta, commandId: string): CommandContext {
  return {
    commandId,
    actor: meta.actor,
    requestId: meta.requestId,
    correlationId: meta.requestId ?? commandId,
    causationId: null,
    now: meta.now,
  };
}
