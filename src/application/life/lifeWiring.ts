import type { ReplyModel } from "../../ports/replyModel.ts";
import {
  type InitiationTextWriter,
  modelInitiationWriter,
  templateInitiationWriter,
} from "./initiationText.ts";
import type { RecentLifeEvent } from "./lifeEventPlanner.ts";
import { firstPersonSummary } from "./lifeEventSummary.ts";
import { type LifeEventWriter, modelLifeEventWriter, templateLifeEventWriter } from "./lifeEventWriter.ts";

/** The writers for a reply model: a language model retells events and writes first messages; offline, templates do. */
export function chooseLifeWriters(model: ReplyModel | null): {
  lifeEventWriter: LifeEventWriter;
  initiationWriter: InitiationTextWriter;
} {
  if (!model || model.describe().offline)
    return { lifeEventWriter: templateLifeEventWriter, initiationWriter: templateInitiationWriter };
  return { lifeEventWriter: modelLifeEventWriter(model), initiationWriter: modelInitiationWriter(model) };
}

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
