import type { AgentCardEvent } from "../../src/domain/agent/cardEvents.ts";
import type { CardDetails } from "../../src/domain/agent/cardSchemas.ts";
import { assertNever } from "../../src/domain/shared/decider.ts";
import type { ProjectedOf, RowStore } from "../runner/projection.ts";
import { type AgentCardView, type AgentRow, agents } from "./rows.ts";

/** The card's details as the read model keeps them: everything but the kept `extensions`. */
export function cardDetailsView(details: CardDetails): AgentCardView["details"] {
  const { extensions: _, ...view } = details;
  return view;
}

export async function evolveCard(
  event: ProjectedOf<AgentCardEvent>,
  rows: RowStore,
  key: { id: string },
  touched: Partial<AgentRow>,
): Promise<void> {
  const agent = await agents.get(rows, key);
  if (!agent) return;
  const card = agent.card;
  switch (event.type) {
    case "AgentGreetingsUpdated":
      agents.put(rows, { ...agent, card: { ...card, greetings: event.data.greetings }, ...touched });
      return;
    case "AgentStyleExamplesUpdated":
      agents.put(rows, { ...agent, card: { ...card, styleExamples: event.data.styleExamples }, ...touched });
      return;
    case "AgentPromptPartsUpdated":
      agents.put(rows, { ...agent, card: { ...card, promptParts: event.data.promptParts }, ...touched });
      return;
    case "AgentCardDetailsUpdated":
      agents.put(rows, {
        ...agent,
        card: { ...card, details: cardDetailsView(event.data.details) },
        ...touched,
      });
      return;
    case "AgentLorebookAttached":
      agents.put(rows, {
        ...agent,
        lorebook_ids: [...agent.lorebook_ids, event.data.lorebookId],
        ...touched,
      });
      return;
    case "AgentLorebookDetached":
      agents.put(rows, {
        ...agent,
        lorebook_ids: agent.lorebook_ids.filter((id) => id !== event.data.lorebookId),
        ...touched,
      });
      return;
    default:
      return assertNever(event);
  }
}
