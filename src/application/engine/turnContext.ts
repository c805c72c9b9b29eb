import type { AgentState } from "../../domain/agent/state.ts";
import {
  type ConversationState,
  currentMood,
  findMessage,
  visiblePathTo,
} from "../../domain/conversation/decider.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import { userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { WeatherReport } from "../../ports/weather.ts";
import type { ReplyPromptInput } from "../prompt/buildReplyPrompt.ts";
import { calledNameInFacts, calledNameOf, personNameInMemory } from "../prompt/calledName.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { eventsToldIn } from "./eventsTold.ts";
import { retrieveMemories, warmUpMemories } from "./memoryRetrieval.ts";
import { type AnsweredMessage, pathHistory } from "./pathHistory.ts";
import { asRememberedNow } from "./rememberedNow.ts";
import { loadAgent } from "./replyDeferral.ts";
import { turnLore } from "./turnLore.ts";

const RECENT_MESSAGES_KEPT = 30;
const LIFE_EVENTS_KEPT = 5;

export type { AnsweredMessage } from "./pathHistory.ts";

/** Everything about one turn that the prompt, the gating and the appraisal read. */
export interface TurnContext {
  userId: string;
  agentId: string;
  agent: AgentState & { profile: NonNullable<AgentState["profile"]> };
  conversation: ConversationState;
  message: AnsweredMessage;
  mood: MoodState;
  prompt: ReplyPromptInput;
}

export class AgentUnavailableError extends Error {}

/**
 * Starts the reads a turn with this person and agent makes whatever the message says (the
 * person's state, their memories' index), where a message is being stored whose reply this
 * process writes: they go out beside the message's commit instead of after it, and the turn finds
 * them done. Nothing is shown or stored; a failed read is made again by the turn.
 */
export function warmUpTurn(
  deps: Pick<EngineDependencies, "commands" | "vectorIndex" | "settings">,
  userId: string,
  agentId: string,
): void {
  warmUpMemories(deps, userId, agentId);
  void deps.commands
    .load(userDecider, userStreamId(userId), { freshWithinMs: deps.settings.contextFreshMs })
    .catch(() => {});
}

export async function loadTurnContext(
  deps: EngineDependencies,
  input: {
    userId: string;
    agentId: string;
    streamId: string;
    conversation: ConversationState;
    messageId: string;
    /** The agent and its stream's revision, when the caller is reading them already. */
    agent?: Promise<{ state: AgentState; revision: number | null }>;
  },
  signal?: AbortSignal,
): Promise<TurnContext> {
  const now = deps.clock.now();
  // The memory search waits for the message and its embedding; its index gets ready meanwhile.
  warmUpMemories(deps, input.userId, input.agentId);
  const userLoad = deps.commands.load(userDecider, userStreamId(input.userId), {
    freshWithinMs: deps.settings.contextFreshMs,
  });
  // Independent reads go out together: the turn starts as soon as the slowest one answers.
  const agentLoad = input.agent ?? loadAgent(deps, input.agentId);
  const agentState = agentLoad.then(({ state }) => state);
  const [
    agent,
    { state: user },
    lifeEvents,
    { message, recent, memories, latestAgentAt, earlierAlternatives },
    weather,
  ] = await Promise.all([
    agentState,
    userLoad,
    agentLoad.then(({ revision }) =>
      deps.turnReads.lifeEvents.of(input.agentId, revision, now, LIFE_EVENTS_KEPT),
    ),
    pathHistory(
      deps.events,
      deps.turnReads.texts,
      input.streamId,
      input.conversation,
      input.messageId,
      RECENT_MESSAGES_KEPT,
    ).then(async (found) => {
      const memories = await retrieveMemories(
        deps,
        {
          userId: input.userId,
          agentId: input.agentId,
          message: found.message,
          recentTexts: found.recent.map((m) => m.text),
          // Facts speak of the person by the name they asked for: the search reads them so too.
          personName: userLoad.then(({ state: person }) =>
            personNameInMemory(input.conversation.memoryFacts.values(), person.profile.displayName),
          ),
          onPath: found.onPath,
        },
        signal,
      );
      return { ...found, memories: asRememberedNow(memories, input.conversation) };
    }),
    weatherFor(deps, agentState, now, signal),
  ]);
  if (!agent.profile) throw new AgentUnavailableError(`agent ${input.agentId} does not exist`);
  const profile = agent.profile;
  const personName = user.profile.displayName || "there";
  const calledNameInMemory = calledNameInFacts(input.conversation.memoryFacts.values());
  // Walks the whole path: counted only for an agent with lorebooks.
  const assistantMessages = () =>
    visiblePathTo(input.conversation, input.messageId).filter(
      (id) => findMessage(input.conversation, id)?.kind !== "user",
    ).length;
  // {{user}} in a book's entries is the name the person asked to be called, as the agent says it;
  // read only for an agent with books, as the prompt reads it again for itself.
  const loreName =
    agent.lorebookIds.length === 0
      ? personName
      : (calledNameOf({
          personName,
          personMessage: message.text,
          recentMessages: recent,
          memories,
          calledNameInMemory,
        }) ?? personName);
  const lore = await turnLore(deps.commands, agent, recent, message.text, loreName, assistantMessages);
  const mood = currentMood(input.conversation, profile.moodBaseline);
  const prompt: ReplyPromptInput = {
    persona: { name: profile.name, ...profile.persona, appearance: profile.appearancePrompt },
    identity: {
      homeCity: profile.identity.homeCity,
      country: profile.identity.country ?? "",
      occupation: profile.identity.occupation,
      timezone: profile.identity.timezone,
    },
    now,
    mood: { name: mood.mood, intensity: mood.intensity },
    affinity: input.conversation.affinity,
    scenarios: agent.scenarios,
    lifeEvents,
    memories,
    eventsTold: eventsToldIn(input.conversation.memoryFacts),
    recentMessages: recent,
    personName,
    calledNameInMemory,
    personTimezone: user.profile.timezone,
    personMessage: message.text,
    earlierAlternatives,
    messageSentAt: message.sentAt,
    latestAgentMessageAt: latestAgentAt,
    maxPromptTokens: deps.settings.maxPromptTokens,
    weather,
    lore,
  };
  return {
    userId: input.userId,
    agentId: input.agentId,
    agent: { ...agent, profile },
    conversation: input.conversation,
    message,
    mood,
    prompt,
  };
}

async function weatherFor(
  deps: EngineDependencies,
  agent: Promise<AgentState>,
  now: Date,
  signal?: AbortSignal,
): Promise<WeatherReport | null> {
  if (!deps.weather) return null;
  const identity = (await agent).profile?.identity;
  if (!identity) return null;
  const place = { city: identity.homeCity, country: identity.country, timezone: identity.timezone };
  return deps.weather.weatherAt(place, now, signal).catch(() => null);
}
