import type { AgentState } from "../../domain/agent/state.ts";
import { type ConversationState, currentMood } from "../../domain/conversation/decider.ts";
import type { MoodState } from "../../domain/shared/mood.ts";
import { agentStreamId, userStreamId } from "../../domain/streamIds.ts";
import { userDecider } from "../../domain/user/decider.ts";
import type { WeatherReport } from "../../ports/weather.ts";
import type { WithmeStoredEvent } from "../eventLog.ts";
import { promptLifeEvents } from "../life/lifeWiring.ts";
import type { ReplyPromptInput } from "../prompt/buildReplyPrompt.ts";
import type { ReplyContext } from "../prompt/replyContext.ts";
import type { EngineDependencies } from "./engineDependencies.ts";
import { retrieveMemories } from "./memoryRetrieval.ts";
import { loadAgentState } from "./replyDeferral.ts";
import { turnLore } from "./turnLore.ts";

const RECENT_EVENTS_READ = 120;
const RECENT_MESSAGES_KEPT = 30;
const LIFE_EVENTS_KEPT = 5;

export interface AnsweredMessage {
  messageId: string;
  text: string;
  sentAt: string;
  /** Its position in the conversation stream. */
  revision: number;
}

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

export async function loadTurnContext(
  deps: EngineDependencies,
  input: {
    userId: string;
    agentId: string;
    streamId: string;
    conversation: ConversationState;
    messageId: string;
    /** The agent, when the caller is reading it already. */
    agent?: Promise<AgentState>;
  },
  signal?: AbortSignal,
): Promise<TurnContext> {
  const now = deps.clock.now();
  const userLoad = deps.commands.load(userDecider, userStreamId(input.userId));
  // Independent reads go out together: the turn starts as soon as the slowest one answers.
  const agentState = input.agent ?? loadAgentState(deps, input.agentId);
  const [agent, { state: user }, lifeEvents, { message, recent, memories, latestAgentAt }, weather] =
    await Promise.all([
      agentState,
      userLoad,
      recentLifeEvents(deps, input.agentId, now),
      deps.events
        .readStream(input.streamId, { direction: "backwards", maxCount: RECENT_EVENTS_READ })
        .then(async (history) => {
          const found = {
            ...recentMessages(history, input.messageId),
            latestAgentAt: latestAgentMessageAt(history),
          };
          const { state: person } = await userLoad;
          const memories = await retrieveMemories(
            deps,
            {
              userId: input.userId,
              agentId: input.agentId,
              message: found.message,
              recentTexts: found.recent.map((m) => m.text),
              personName: person.profile.displayName || "The person",
            },
            signal,
          );
          return { ...found, memories };
        }),
      weatherFor(deps, agentState, now, signal),
    ]);
  if (!agent.profile) throw new AgentUnavailableError(`agent ${input.agentId} does not exist`);
  const profile = agent.profile;
  const personName = user.profile.displayName || "there";
  const lore = await turnLore(deps.commands, agent, recent, message.text, personName);
  const mood = currentMood(input.conversation, profile.moodBaseline);
  const prompt: ReplyPromptInput = {
    persona: { name: profile.name, ...profile.persona },
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
    recentMessages: recent,
    personName,
    personMessage: message.text,
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

/** The message being answered and the conversation before it, oldest first. */
function recentMessages(
  newestFirst: readonly WithmeStoredEvent[],
  messageId: string,
): { message: AnsweredMessage; recent: ReplyContext["recentMessages"][number][] } {
  let message: AnsweredMessage | null = null;
  const recent: ReplyContext["recentMessages"][number][] = [];
  for (const event of newestFirst) {
    if (event.type === "UserMessageSent") {
      const { data } = event;
      if (data.messageId === messageId) {
        message = { messageId, text: data.text, sentAt: data.sentAt, revision: event.revision };
        continue;
      }
      if (message) recent.push({ author: "person", text: data.text, at: data.sentAt });
    } else if (message && event.type === "AgentReplyCompleted") {
      recent.push({ author: "agent", text: event.data.text, at: event.data.completedAt });
    } else if (message && event.type === "AgentInitiatedMessage") {
      recent.push({ author: "agent", text: event.data.text, at: event.data.sentAt });
    }
    if (recent.length >= RECENT_MESSAGES_KEPT) break;
  }
  if (!message) throw new Error(`message ${messageId} is not among the recent events of its conversation`);
  return { message, recent: recent.reverse() };
}

function latestAgentMessageAt(newestFirst: readonly WithmeStoredEvent[]): string | null {
  for (const event of newestFirst) {
    if (event.type === "AgentReplyCompleted") return event.data.completedAt;
    if (event.type === "AgentInitiatedMessage") return event.data.sentAt;
  }
  return null;
}

async function recentLifeEvents(
  deps: EngineDependencies,
  agentId: string,
  now: Date,
): Promise<{ at: string; summary: string }[]> {
  const events = await deps.events.readStream(agentStreamId(agentId), {
    direction: "backwards",
    maxCount: 60,
  });
  const lifeEvents = events
    .flatMap((event) => (event.type === "AgentLifeEventOccurred" ? [event.data] : []))
    .reverse();
  return promptLifeEvents(lifeEvents, now, { limit: LIFE_EVENTS_KEPT });
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
