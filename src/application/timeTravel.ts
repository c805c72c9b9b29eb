import { type AgentState, agentDecider } from "../domain/agent/decider.ts";
import type { AgentEvent } from "../domain/agent/events.ts";
import { type ConversationState, conversationDecider } from "../domain/conversation/decider.ts";
import type { ConversationEvent } from "../domain/conversation/events.ts";
import type { MoodState } from "../domain/shared/mood.ts";
import { agentStreamId, conversationStreamId, streamCategory } from "../domain/streamIds.ts";
import type { Position } from "../ports/eventStore.ts";
import { messageTexts, type PathMessage, pathMessages } from "./conversations/pathMessages.ts";
import type { EventLog, StoredEventOf, WithmeStoredEvent } from "./eventLog.ts";
import { foldInSlices } from "./snapshots/steppedWork.ts";

type ConversationEventType = ConversationEvent["type"];
type AgentEventType = AgentEvent["type"];

/** A point in the past: a time (events that occurred at or before it), a place in `$all`, or a stream revision. */
export type TimeTravelPoint = { at: string | Date } | { position: Position } | { revision: number };

export interface ConversationAt {
  userId: string;
  agentId: string;
  streamId: string;
  /** The conversation as its decider saw it after the last event up to the point. */
  state: ConversationState;
  /**
   * The active path then, oldest first: what the person saw (leave out `hidden` ones for them) and
   * what the agent lived. Mood and affinity below are that path's.
   */
  path: PathMessage[];
  /**
   * The agent's mood toward the person: the conversation's own once it has shifted, before that
   * the agent's mood baseline at the same point (null when neither existed yet).
   */
  mood: MoodState | null;
  moodSource: "conversation" | "baseline" | null;
  /** -100..100 */
  affinity: number;
  /** The last conversation event folded: its revision, position and time (all null before the first). */
  revision: number | null;
  position: Position | null;
  occurredAt: string | null;
}

export interface TimeTravelDependencies {
  events: EventLog;
}

/**
 * Replays one conversation up to a point in the past: its active path, state, mood and affinity
 * as they were then. Events count up to the first one beyond the point, in stream order.
 */
export async function conversationAt(
  deps: TimeTravelDependencies,
  args: { userId: string; agentId: string } & TimeTravelPoint,
): Promise<ConversationAt> {
  const { events } = deps;
  const streamId = conversationStreamId(args.userId, args.agentId);
  const recorded =
    "revision" in args
      ? await events.readStream(streamId, { maxCount: Math.max(0, args.revision + 1) })
      : await events.readStream(streamId);
  const within = upTo(recorded, boundOf(deps, args)).filter(isConversationEvent);
  // A history of tens of thousands of events is folded with pauses, so other requests go on.
  const state = await foldInSlices(within, conversationDecider.evolve, conversationDecider.initialState());
  const last = within.at(-1) ?? null;
  let mood: MoodState | null = state.mood;
  let moodSource: ConversationAt["moodSource"] = mood ? "conversation" : null;
  if (!mood) {
    // Without a time or position of its own, a revision reads the agent as of the conversation's last event.
    const agentBound =
      "revision" in args
        ? last
          ? boundOf(deps, { position: last.position })
          : () => false
        : boundOf(deps, args);
    const agent: AgentState = await foldInSlices(
      upTo(await events.readStream(agentStreamId(args.agentId)), agentBound).filter(isAgentEvent),
      agentDecider.evolve,
      agentDecider.initialState(),
    );
    mood = agent.profile?.moodBaseline ?? null;
    moodSource = mood ? "baseline" : null;
  }
  return {
    userId: args.userId,
    agentId: args.agentId,
    streamId,
    state,
    path: pathMessages(state, messageTexts(within)),
    mood,
    moodSource,
    affinity: state.affinity,
    revision: last?.revision ?? null,
    position: last?.position ?? null,
    occurredAt: last?.metadata.occurredAt ?? null,
  };
}

type Bound = (event: WithmeStoredEvent) => boolean;

function boundOf(deps: TimeTravelDependencies, point: TimeTravelPoint): Bound {
  if ("revision" in point) return (event) => event.revision <= point.revision;
  if ("position" in point)
    return (event) => deps.events.store.comparePositions(event.position, point.position) <= 0;
  const until = typeof point.at === "string" ? Date.parse(point.at) : point.at.getTime();
  if (Number.isNaN(until)) throw new TypeError(`not a time: ${String(point.at)}`);
  return (event) => Date.parse(event.metadata.occurredAt) <= until;
}

function upTo(events: WithmeStoredEvent[], bound: Bound): WithmeStoredEvent[] {
  const end = events.findIndex((event) => !bound(event));
  return end === -1 ? events : events.slice(0, end);
}

type ConversationStored = StoredEventOf<ConversationEventType>;
type AgentStored = StoredEventOf<AgentEventType>;

function isConversationEvent(event: WithmeStoredEvent): event is ConversationStored {
  return streamCategory(event.streamId) === "conversation";
}

function isAgentEvent(event: WithmeStoredEvent): event is AgentStored {
  return streamCategory(event.streamId) === "agent";
}
