import type { RecentLifeEvent } from "./lifeEventPlanner.ts";
import { firstPersonSummary } from "./lifeEventSummary.ts";

/** Recent life events as the reply prompt takes them (`ReplyPromptInput.lifeEvents`), oldest first. */
export function promptLifeEvents(
  events: readonly RecentLifeEvent[],
  now: Date,
  options: { hours?: number; limit?: number } = {},
): { at: string; summary: string }[] {
  const since = now.getTime() - (options.hours ?? 36) * 3_600_000;
  return events
    .filter((e) => {
      const at = Date.parse(e.occurredAt);
      return at >= since && at <= now.getTime();
    })
    .slice(-(options.limit ?? 5))
    .map((e) => ({ at: e.occurredAt, summary: firstPersonSummary(e) }));
}
