import { DomainError } from "../shared/decider.ts";
import type {
  AttachLorebook,
  CreateAgentFromCard,
  DetachLorebook,
  UpdateAgentCardDetails,
  UpdateAgentGreetings,
  UpdateAgentPromptParts,
  UpdateAgentStyleExamples,
} from "./cardCommands.ts";
import { checkCardDetails, checkGreetings, checkPromptParts, checkStyleExamples } from "./cardRules.ts";
import { CARD_LIMITS } from "./cardSchemas.ts";
import type { AgentCommand } from "./commands.ts";
import type { AgentEvent } from "./events.ts";
import { type AgentState, evolveAgent } from "./state.ts";

type CardCommand =
  | UpdateAgentGreetings
  | UpdateAgentStyleExamples
  | UpdateAgentPromptParts
  | UpdateAgentCardDetails
  | AttachLorebook
  | DetachLorebook;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The agent's card content; `agentId` is the existing, active agent's. */
export function decideCardCommand(command: CardCommand, state: AgentState, agentId: string): AgentEvent[] {
  switch (command.type) {
    case "UpdateAgentGreetings": {
      const greetings = checkGreetings(command.greetings);
      if (same(greetings, state.card.greetings)) return [];
      return [{ type: "AgentGreetingsUpdated", data: { agentId, greetings } }];
    }
    case "UpdateAgentStyleExamples": {
      const styleExamples = checkStyleExamples(command.styleExamples);
      if (styleExamples === state.card.styleExamples) return [];
      return [{ type: "AgentStyleExamplesUpdated", data: { agentId, styleExamples } }];
    }
    case "UpdateAgentPromptParts": {
      const promptParts = checkPromptParts(command.promptParts);
      if (same(promptParts, state.card.promptParts)) return [];
      return [{ type: "AgentPromptPartsUpdated", data: { agentId, promptParts } }];
    }
    case "UpdateAgentCardDetails": {
      const kept = state.card.details.cardText;
      const details = checkCardDetails({ ...(kept ? { cardText: kept } : {}), ...command.details });
      if (same(details, state.card.details)) return [];
      return [{ type: "AgentCardDetailsUpdated", data: { agentId, details } }];
    }
    case "AttachLorebook": {
      // Asked again (a retry after a lost answer): it reads the book already, which is what was asked.
      if (state.lorebookIds.includes(command.lorebookId)) return [];
      if (state.lorebookIds.length >= CARD_LIMITS.lorebooks)
        throw new DomainError(
          "TooManyLorebooks",
          "CONFLICT",
          `An agent reads at most ${CARD_LIMITS.lorebooks} lorebooks; detach one first.`,
        );
      return [{ type: "AgentLorebookAttached", data: { agentId, lorebookId: command.lorebookId } }];
    }
    case "DetachLorebook": {
      if (!state.lorebookIds.includes(command.lorebookId)) return [];
      return [{ type: "AgentLorebookDetached", data: { agentId, lorebookId: command.lorebookId } }];
    }
  }
}

/**
 * `AgentCreated` (source card) and then what the card adds, each part checked by the rule that
 * checks it alone, so the import says no before anything is written.
 */
export function createAgentFromCard(
  command: CreateAgentFromCard,
  state: AgentState,
  decide: (command: AgentCommand, state: AgentState) => AgentEvent[],
): AgentEvent[] {
  const { agentId, now } = command;
  const steps: AgentCommand[] = [
    {
      type: "CreateAgent",
      agentId,
      name: command.name,
      persona: command.persona,
      identity: command.identity,
      appearancePrompt: command.appearancePrompt,
      ...(command.moodBaseline ? { moodBaseline: command.moodBaseline } : {}),
      source: "card",
      createdBy: command.createdBy,
      now,
    },
    { type: "UpdateAgentGreetings", agentId, greetings: command.greetings, now },
    { type: "UpdateAgentStyleExamples", agentId, styleExamples: command.styleExamples, now },
    { type: "UpdateAgentPromptParts", agentId, promptParts: command.promptParts, now },
    { type: "UpdateAgentCardDetails", agentId, details: command.details, now },
    ...command.scenarios.map((s): AgentCommand => ({ type: "AddScenario", agentId, ...s, now })),
    ...command.lorebookIds.map(
      (lorebookId): AgentCommand => ({ type: "AttachLorebook", agentId, lorebookId, now }),
    ),
  ];
  const events: AgentEvent[] = [];
  let current = state;
  for (const step of steps) {
    const produced = decide(step, current);
    events.push(...produced);
    current = produced.reduce(evolveAgent, current);
  }
  return events;
}
