import { type AgentState, agentDecider } from "../domain/agent/decider.ts";
import type { AgentEvent } from "../domain/agent/events.ts";
import { type ConversationState, conversationDecider } from "../domain/conversation/decider.ts";
import type { ConversationEvent } from "../domain/conversation/events.ts";
import type { EventCatalogue } from "../domain/shared/eventCatalogue.ts";
import type { MoodState } from "../domain/shared/mood.ts";
import { agentStreamId, conversationStreamId } from "../domain/streamIds.ts";
import type { EventStore, Position, RecordedEvent } from "../ports/eventStore.ts";
import { messageTexts, type PathMessage, pathMessages } from "./conversations/pathMessages.ts";

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
  store: EventStore;
  catalogue: EventCatalogue;
}

/**
 * Replays one conversation up to a point in the past: its active path, state, mood and affinity
 * as they were then. Events count up to the first one beyond the point, in stream order.
 */
export async function conversationAt(
  deps: TimeTravelDependencies,
  args: { userId: string; agentId: string } & TimeTravelPoint,
): Promise<ConversationAt> {
  const { store } = deps;
  const streamId = conversationStreamId(args.userId, args.agentId);
  const recorded =
    "revision" in args
      ? await store.readStream(streamId, { maxCount: Math.max(0, args.revision + 1) })
      : await store.readStream(streamId);
  const within = upTo(recorded, boundOf(deps, args));
  const events = within.map((event) => parse(deps, event) as ConversationEvent);
  const state = events.reduce(conversationDecider.evolve, conversationDecider.initialState());
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
    const agent = fold(
      deps,
      upTo(await store.readStream(agentStreamId(args.agentId)), agentBound),
      agentDecider.initialState(),
      (s: AgentState, e) => agentDecider.evolve(s, e as AgentEvent),
    );
    mood = agent.profile?.moodBaseline ?? null;
    moodSource = mood ? "baseline" : null;
  }
  return {
    userId: args.userId,
    agentId: args.agentId,
    streamId,
    state,
    path: pathMessages(state, messageTexts(events)),
    mood,
    moodSource,
    affinity: state.affinity,
    revision: last?.revision ?? null,
    position: last?.position ?? null,
    occurredAt: last?.metadata.occurredAt ?? null,
  };
}

type Bound = (event: RecordedEvent) => boolean;

function boundOf(deps: TimeTravelDependencies, point: TimeTravelPoint): Bound {
  if ("revision" in point) return (event) => event.revision <= point.revision;
  if ("position" in point) return (event) => deps.store.comparePositions(event.position, point.position) <= 0;
  const until = typeof point.at === "string" ? Date.parse(point.at) : point.at.getTime();
  if (Number.isNaN(until)) throw new TypeError(`not a time: ${String(point.at)}`);
  return (event) => Date.parse(event.metadata.occurredAt) <= until;
}

function upTo(events: RecordedEvent[], bound: Bound): RecordedEvent[] {
  const end = events.findIndex((event) => !bound(event));
  return end === -1 ? events : events.slice(0, end);
}

function fold<S>(
  deps: TimeTravelDependencies,
  events: RecordedEvent[],
  initial: S,
  evolve: (state: S, event: unknown) => S,
): S {
  return events.reduce((state, event) => evolve(state, parse(deps, event)), initial);
}

function parse(deps: TimeTravelDependencies, event: RecordedEvent) {
  return deps.catalogue.parse(event.type, event.metadata.schemaVersion ?? 1, event.data);
}
