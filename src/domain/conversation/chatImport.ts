import { DomainError, runThrough, type SteppedDecider } from "../shared/decider.ts";
import type { ConversationCommand } from "./commands.ts";
import { conversationDecider } from "./decider.ts";
import { type ConversationEvent, type ImportedChatHeader, MESSAGE_MAX, REPLY_MAX } from "./events.ts";
import { keptHeader } from "./importedChatHeader.ts";
import { cut, type ImportedChatLine, personTurns, swipesOf } from "./importedChatTurns.ts";
import type { ConversationState } from "./state.ts";

/**
 * A whole chat imported into a conversation that has not started, as one decision: each line
 * goes through the conversation's own rules (a person's message, the reply to it, the agent's
 * swipes as regenerated siblings in their order, the chosen one on the path), at its own time.
 */
export interface ImportChat {
  type: "ImportChat";
  userId: string;
  agentId: string;
  lines: readonly ImportedChatLine[];
  /**
   * Message ids derive from this prefix and the line's position. The same prefix for the same
   * chat (person, agent, file) makes a retried import find its own first message and write nothing.
   */
  idPrefix: string;
  /** When the chat began (SillyTavern's `create_date`, often a little after its greeting); never later than `now`. */
  startedAt?: string | null;
  /** The file's header, kept with the conversation's start so an export writes it back. */
  header?: ImportedChatHeader;
  now: string;
}

export const IMPORTED_MODEL = "imported";

/**
 * The import's decision, pausing after each line of the chat: a chat of tens of thousands of texts
 * is seconds of work, which a caller can spread out (`decide` runs it through at once).
 */
function* importChatInSteps(
  command: ImportChat,
  initial: ConversationState,
): Generator<void, ConversationEvent[], void> {
  if (initial.started && initial.tree.nodes.has(`${command.idPrefix}-0`)) return [];
  if (initial.started)
    throw new DomainError(
      "ConversationAlreadyStarted",
      "CONFLICT",
      "This conversation has messages already; a chat can only be imported into an empty one.",
    );
  if (command.lines.length === 0)
    throw new DomainError("ChatEmpty", "BAD_USER_INPUT", "The chat has no messages to import.");
  const header = command.header ? keptHeader(command.header) : undefined;
  const events: ConversationEvent[] = [];
  let state = initial;
  let at = command.now;
  const run = (step: ConversationCommand) => {
    const decided = conversationDecider.decide(step, state);
    state = decided.reduce(conversationDecider.evolve, state);
    events.push(...decided);
  };
  const address = { userId: command.userId, agentId: command.agentId };
  let waiting: string | null = null;
  const hidden: string[] = [];
  for (const { line, index } of personTurns(command.lines)) {
    yield;
    // Times only move forward, so a file with odd dates still reads in its order.
    if (line.sentAt && Date.parse(line.sentAt) >= Date.parse(at)) at = line.sentAt;
    else if (index === 0 && line.sentAt) at = line.sentAt;
    const id = `${command.idPrefix}-${index}`;
    if (line.hidden) hidden.push(id);
    const now = at;
    if (line.author === "person") {
      run({
        type: "SendMessage",
        ...address,
        messageId: id,
        clientMessageId: id,
        text: cut(line.text, MESSAGE_MAX),
        now,
      });
      waiting = id;
      continue;
    }
    if (!state.started) {
      // The greeting's swipes (a card's alternate greetings) become sibling greetings.
      const [first, ...others] = swipesOf(line).map((swipe) => ({
        messageId: swipe.chosen ? id : `${id}-swipe-${swipe.index}`,
        text: cut(swipe.text, MESSAGE_MAX),
        chosen: swipe.chosen,
      }));
      run({
        type: "GreetPerson",
        ...address,
        messageId: first!.messageId,
        text: first!.text,
        alternatives: others.map(({ messageId, text }) => ({ messageId, text })),
        now,
      });
      if (others.length > 0 && !others.at(-1)!.chosen)
        run({ type: "ChooseSibling", ...address, messageId: id, clientRequestId: `${id}-choose`, now });
      continue;
    }
    if (waiting === null) {
      run({
        type: "InitiateMessage",
        ...address,
        messageId: id,
        text: cut(line.text, MESSAGE_MAX),
        trigger: "follow_up",
        now,
      });
      continue;
    }
    const swipes = swipesOf(line);
    let previous: string | null = null;
    swipes.forEach(({ text, chosen, index: swipe }) => {
      const replyId = chosen ? id : `${id}-swipe-${swipe}`;
      if (previous === null) run({ type: "StartReply", ...address, replyId, messageId: waiting!, now });
      else
        run({
          type: "RegenerateReply",
          ...address,
          replyId: previous,
          newReplyId: replyId,
          clientRequestId: `${id}-regenerate-${swipe}`,
          now,
        });
      run({
        type: "CompleteReply",
        ...address,
        replyId,
        text: cut(text, REPLY_MAX),
        model: IMPORTED_MODEL,
        usage: { promptTokens: 0, completionTokens: 0 },
        now,
      });
      previous = replyId;
    });
    // The newest swipe is on the path; the chosen one is put there when it is another.
    if (!swipes.at(-1)!.chosen)
      run({ type: "ChooseSibling", ...address, messageId: id, clientRequestId: `${id}-choose`, now });
    waiting = null;
  }
  // Hidden once the chat is in place; a message still waiting for its answer cannot be, and shows.
  for (const messageId of hidden)
    if (!state.unanswered.some((m) => m.messageId === messageId))
      run({ type: "HideMessage", ...address, messageId, clientRequestId: `${messageId}-hide`, now: at });
  const given = command.startedAt ?? null;
  const startedAt = given !== null && Date.parse(given) <= Date.parse(command.now) ? given : null;
  return events.map((event) =>
    event.type === "ConversationStarted"
      ? {
          ...event,
          data: {
            ...event.data,
            ...(startedAt ? { startedAt } : {}),
            ...(header ? { importedHeader: header } : {}),
          },
        }
      : event,
  );
}

/** The conversation's decider, deciding a whole imported chat at once, or in steps. */
export const chatImportDecider: SteppedDecider<ConversationState, ImportChat, ConversationEvent> = {
  initialState: conversationDecider.initialState,
  evolve: conversationDecider.evolve,
  decide: (command, state) => runThrough(importChatInSteps(command, state)),
  decideInSteps: importChatInSteps,
};
