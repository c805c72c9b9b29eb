import { createHash } from "node:crypto";
import type { AgentState } from "../../domain/agent/state.ts";
import { lorebookDecider } from "../../domain/lorebook/decider.ts";
import { type LorebookToMatch, matchLorebooks } from "../../domain/lorebook/matching.ts";
import { lorebookStreamId } from "../../domain/streamIds.ts";
import type { CommandHandler } from "../commandHandler.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import { estimateTokens } from "../prompt/tokenBudget.ts";

/**
 * The lorebook entries this turn brings into the prompt: each of the agent's books scanned over
 * the conversation before the message and the message itself, within the book's own budget.
 */
export async function turnLore(
  commands: CommandHandler,
  agent: AgentState,
  recent: ReplyContext["recentMessages"],
  personMessage: string,
  personName: string,
  /** Messages the agent has written in the conversation so far, for `@@activate_only_after`/`_every`. */
  assistantMessages?: () => number,
): Promise<NonNullable<ReplyContext["lore"]>> {
  const profile = agent.profile;
  if (!profile || agent.lorebookIds.length === 0) return [];
  const books: LorebookToMatch[] = [];
  for (const lorebookId of agent.lorebookIds) {
    const { state } = await commands.load(lorebookDecider, lorebookStreamId(lorebookId));
    if (state.status === "active")
      books.push({ lorebookId, settings: state.settings, entries: state.entries });
  }
  if (books.length === 0) return [];
  const agentWrote = assistantMessages?.();
  const char = agent.card.details.nickname.trim() || profile.name;
  const messages = [
    ...recent.map((m) => ({ speaker: m.author === "agent" ? char : personName, text: m.text })),
    { speaker: personName, text: personMessage },
  ];
  // The same turn rolls the same way (a retry brings the same lore); another turn rolls anew.
  const turn = `${recent.length}\u0000${personMessage}`;
  const match = matchLorebooks(books, messages, {
    countTokens: estimateTokens,
    macros: { char, user: personName },
    ...(agentWrote === undefined ? {} : { assistantMessages: agentWrote }),
    roll: (lorebookId, entryId) => {
      const digest = createHash("sha256").update(`${turn}\u0000${lorebookId}\u0000${entryId}`).digest();
      return (digest.readUInt32BE(0) / 2 ** 32) * 100;
    },
  });
  return match.entries.map(({ content, position, placement }) =>
    placement.at === "depth"
      ? { content, position, depth: placement.depth, role: placement.role }
      : { content, position },
  );
}
