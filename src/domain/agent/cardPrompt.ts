import { type MacroNames, resolveMacros } from "../shared/macros.ts";
import { fingerprint } from "../shared/text.ts";
import type { AgentCard } from "./state.ts";

/** The agent's card content as a conversation and a prompt use it, macros resolved for one person. */

/**
 * The greeting that opens this person's conversation: one of the agent's greetings, the same one
 * each time for the same person (so a retried start greets alike), spread evenly across people.
 * Null when the agent has none and must greet from its persona.
 */
export function greetingFor(card: AgentCard, personKey: string, names: MacroNames): string | null {
  if (card.greetings.length === 0) return null;
  const hash = Number.parseInt(fingerprint(personKey).split(":")[0]!, 16);
  const greeting = card.greetings[hash % card.greetings.length]!;
  return resolveMacros(greeting, names).trim();
}

/** The blocks of a card's `mes_example`, split at `<START>`, macros resolved, empty blocks dropped. */
export function styleExampleBlocks(styleExamples: string, names: MacroNames): string[] {
  return styleExamples
    .split(/<START>/i)
    .map((block) => resolveMacros(block, names).trim())
    .filter((block) => block.length > 0);
}

export interface CardPromptParts {
  setting: string;
  /** Comes after withme's own rules; `{{original}}` is dropped, since withme's prompt is always there. */
  systemPrompt: string;
  postHistoryInstructions: string;
  styleExamples: string[];
}

export function cardPromptParts(card: AgentCard, names: MacroNames): CardPromptParts {
  const resolve = (text: string) => resolveMacros(text.replace(/\{\{\s*original\s*\}\}/gi, ""), names).trim();
  return {
    setting: resolve(card.promptParts.setting),
    systemPrompt: resolve(card.promptParts.systemPrompt),
    postHistoryInstructions: resolve(card.promptParts.postHistoryInstructions),
    styleExamples: styleExampleBlocks(card.styleExamples, names),
  };
}

/** `{{char}}` is the card's nickname when it has one. */
export function macroNamesFor(agentName: string, card: AgentCard, personName: string): MacroNames {
  return { char: card.details.nickname || agentName, user: personName };
}
