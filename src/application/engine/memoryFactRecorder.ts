import type { RecordMemoryFact } from "../../domain/conversation/commands.ts";
import { type ConversationState, conversationDecider } from "../../domain/conversation/decider.ts";
import { MEMORY_FACT_SOURCES_MAX } from "../../domain/conversation/events.ts";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { StoredEventOf } from "../eventLog.ts";
import { extractFacts } from "../memory/factExtractor.ts";
import { mayBeFollowUp, type PreviousTurn, previousTurnAt } from "../memory/followUpStatement.ts";
import { plainWording } from "../memory/plainWording.ts";
import { kindOfFactText } from "../memory/queryIntent.ts";
import { uuidv5 } from "../nameUuid.ts";
import { CALLED_FACT, personNameInMemory } from "../prompt/calledName.ts";
import { defineReactor, type Reactor } from "../reactors/reactor.ts";
import { reactionContext } from "./conversationDriver.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { pathHistory } from "./pathHistory.ts";
import { loadAgentState } from "./replyDeferral.ts";
import { summarySources } from "./summarySources.ts";

const PREVIOUS_MESSAGES_READ = 4;
const FACT_NAMESPACE = "5a0c6f2e-9d41-4b7e-8c3a-2f6b1d9e4a70";

type FactToRecord = Omit<RecordMemoryFact, "type" | "userId" | "agentId" | "now">;

/** The id of the `index`th fact taken from an event: the same every time the event is handled. */
export function factIdFor(eventId: string, index: number): string {
  return uuidv5(`${eventId}:${index}`, FACT_NAMESPACE);
}

/**
 * Records what the person states about themselves as facts: those the offline extractor finds in
 * each message, and those a summary lists that are not remembered already (nor were forgotten).
 * Fact ids come from the event, so handling an event again records nothing new.
 */
export function memoryFactReactor(deps: EngineDependencies): Reactor {
  return defineReactor({
    name: "memory-facts",
    canHandle: ["UserMessageSent", "MemorySummarized"],
    // Reading facts out of a message is CPU work that no one waits for: one or two at a time, each
    // once the replies under way have shown their first words.
    concurrency: 2,
    background: true,
    async handle(event) {
      const { state } = await deps.commands.load(conversationDecider, event.streamId, {
        atLeastRevision: event.revision,
      });
      if (!state.userId || !state.agentId) return;
      const facts =
        event.type === "UserMessageSent"
          ? await messageFacts(deps, event, { ...state, userId: state.userId, agentId: state.agentId })
          : await summaryFacts(deps, event, state);
      const fresh = facts.filter((fact) => !state.memoryFacts.has(fact.factId));
      if (fresh.length === 0) return;
      const now = deps.clock.now();
      const address = { userId: state.userId, agentId: state.agentId, now: now.toISOString() };
      await deps.commands.handleAll(
        conversationDecider,
        event.streamId,
        fresh.map((fact): RecordMemoryFact => ({ type: "RecordMemoryFact", ...address, ...fact })),
        reactionContext(event, `record-facts:${event.id}`, now, "system:memory"),
      );
    },
  });
}

async function messageFacts(
  deps: EngineDependencies,
  event: StoredEventOf<"UserMessageSent">,
  conversation: ConversationState & { userId: string; agentId: string },
): Promise<FactToRecord[]> {
  const { userId, agentId } = conversation;
  const [{ state: user }, agent, previous] = await Promise.all([
    // The name the person goes by changes seldom: as fresh as the turn that answers the message.
    deps.commands.load(userDecider, userStreamId(userId), { freshWithinMs: deps.settings.contextFreshMs }),
    loadAgentState(deps, agentId),
    // Most messages stand on their own; reading the turn before costs a read of the stream.
    mayBeFollowUp(event.data.text) ? previousTurn(deps, event, conversation) : Promise.resolve({}),
  ]);
  await (deps.turns?.yieldToTurns() ?? new Promise((resolve) => setImmediate(resolve)));
  const facts = extractFacts(event.data.text, {
    // Facts speak of the person by the name they asked for once they have said it.
    personName: personNameInMemory(conversation.memoryFacts.values(), user.profile.displayName),
    ...(agent.profile ? { agentName: agent.profile.name } : {}),
    previous,
  });
  return facts.map((fact, i) => ({
    factId: factIdFor(event.id, i),
    text: fact.text,
    kind: fact.kind,
    quote: fact.quote,
    sourceMessageIds: [event.data.messageId],
  }));
}

/** The person's message before this one and the agent's answer: what a follow-up refers to. */
async function previousTurn(
  deps: EngineDependencies,
  event: StoredEventOf<"UserMessageSent">,
  conversation: ConversationState,
): Promise<PreviousTurn> {
  try {
    const { recent } = await pathHistory(
      deps.events,
      deps.turnReads.texts,
      event.streamId,
      conversation,
      event.data.messageId,
      PREVIOUS_MESSAGES_READ,
      event.revision,
    );
    return previousTurnAt(recent, recent.length);
  } catch {
    // A message no longer on any readable path is read on its own.
    return {};
  }
}

async function summaryFacts(
  deps: EngineDependencies,
  event: StoredEventOf<"MemorySummarized">,
  state: ConversationState,
): Promise<FactToRecord[]> {
  const { data } = event;
  if (data.facts.length === 0) return [];
  // Only the messages of the path the summary was written on: a fact drawn from them is recalled there.
  const sourceMessageIds = (await summarySources(deps, event, async () => state)).slice(
    -MEMORY_FACT_SOURCES_MAX,
  );
  if (sourceMessageIds.length === 0) return [];
  // A forgotten fact stays forgotten, and a corrected one corrected, even when a summary repeats its
  // words, and whichever of the person's names (display name, or one they asked for) either uses.
  const facts = [...state.memoryFacts.values()];
  const names = personNames(facts, state.userId ? await displayNameOf(deps, state.userId) : "");
  const known = new Set(
    facts.flatMap((fact) =>
      [fact.text, fact.recordedText ?? ""].filter(Boolean).map((text) => sameText(text, names)),
    ),
  );
  return data.facts.flatMap((text, i) =>
    known.has(sameText(text, names))
      ? []
      : [{ factId: factIdFor(event.id, i), text, kind: kindOfFactText(text), sourceMessageIds }],
  );
}

async function displayNameOf(deps: EngineDependencies, userId: string): Promise<string> {
  const fresh = { freshWithinMs: deps.settings.contextFreshMs };
  return (await deps.commands.load(userDecider, userStreamId(userId), fresh)).state.profile.displayName;
}

/** The person's display name and every name a fact says they are called by, as `sameText` spells them. */
function personNames(facts: readonly { text: string }[], displayName: string): string[] {
  const names = [displayName];
  for (const { text } of facts) {
    const called = CALLED_FACT.exec(text);
    if (called) names.push(called[1]!, called[2]!);
  }
  const spelt = names.map((name) => sameText(name, [])).filter(Boolean);
  return [...new Set(spelt)].sort((a, b) => b.length - a.length);
}

function sameText(text: string, personNames: readonly string[]): string {
  const plain = ` ${plainWording(text)} `;
  return personNames.reduce((t, name) => t.replaceAll(` ${name} `, " \u0000 "), plain).trim();
}
