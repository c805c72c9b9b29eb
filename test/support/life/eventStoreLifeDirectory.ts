import { eventsToldIn } from "../../../src/application/engine/eventsTold.ts";
import { byRecording } from "../../../src/application/life/checkInQuestion.ts";
import type {
  AgentDirectory,
  ConversationDirectory,
  LifeAgent,
  LifeConversation,
  LifePerson,
  SentInitiation,
} from "../../../src/application/life/lifeDirectories.ts";
import { REMEMBERED_FACTS_READ } from "../../../src/application/life/lifeDirectories.ts";
import type { RecentLifeEvent } from "../../../src/application/life/lifeEventPlanner.ts";
import { agentDecider } from "../../../src/domain/agent/decider.ts";
import type { AgentEvent } from "../../../src/domain/agent/events.ts";
import type { AgentState } from "../../../src/domain/agent/state.ts";
import { conversationDecider } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import type { ConversationState } from "../../../src/domain/conversation/state.ts";
import type { EventCatalogue } from "../../../src/domain/shared/eventCatalogue.ts";
import type { MoodState } from "../../../src/domain/shared/mood.ts";
import { streamCategory, userStreamId } from "../../../src/domain/streamIds.ts";
import { type UserState, userDecider } from "../../../src/domain/user/decider.ts";
import type { UserEvent } from "../../../src/domain/user/events.ts";
import { type EventStore, type Position, type RecordedEvent, START } from "../../../src/ports/eventStore.ts";

const RECENT_EVENTS_KEPT = 200;
const INITIATIONS_KEPT_MS = 2 * 86_400_000;

interface AgentEntry {
  state: AgentState;
  original: MoodState | null;
  lifeEvents: RecentLifeEvent[];
  lastDriftAt: string | null;
}

interface ConversationEntry {
  state: ConversationState;
  moodSince: string | null;
}

/** Folds every event from the store, in global order, into what the scheduler needs; catches up on each read. */
export class EventStoreLifeDirectory implements AgentDirectory, ConversationDirectory {
  readonly #store: EventStore;
  readonly #catalogue: EventCatalogue;
  #position: Position = START;
  #catchingUp: Promise<void> = Promise.resolve();
  readonly #agents = new Map<string, AgentEntry>();
  readonly #conversations = new Map<string, ConversationEntry>();
  readonly #users = new Map<string, UserState>();
  readonly #initiations = new Map<string, SentInitiation[]>();

  constructor(store: EventStore, catalogue: EventCatalogue) {
    this.#store = store;
    this.#catalogue = catalogue;
  }

  async activeAgents(): Promise<readonly LifeAgent[]> {
    await this.catchUp();
    const agents: LifeAgent[] = [];
    for (const entry of this.#agents.values()) {
      const { state } = entry;
      if (state.status !== "active" || !state.profile || !state.agentId) continue;
      const { name, persona, identity, moodBaseline } = state.profile;
      agents.push({
        agentId: state.agentId,
        name,
        persona,
        identity,
        moodBaseline,
        originalMoodBaseline: entry.original ?? moodBaseline,
        scenarios: state.scenarios,
        recentLifeEvents: [...entry.lifeEvents],
        lastBaselineDriftAt: entry.lastDriftAt,
      });
    }
    return agents;
  }

  async conversationsWith(agentId: string): Promise<readonly LifeConversation[]> {
    await this.catchUp();
    return [...this.#conversations.values()]
      .filter((c) => c.state.started && c.state.agentId === agentId)
      .map(({ state, moodSince }) => ({
        userId: state.userId!,
        agentId,
        facts: {
          started: state.started,
          lastUserMessageAt: state.lastUserMessageAt,
          lastAgentMessageAt: state.lastAgentMessageAt,
          initiationsSinceUserMessage: state.initiationsSinceUserMessage,
          lastInitiatedAt: state.lastInitiatedAt,
          affinity: state.affinity,
          awaitingReply: state.unanswered.some((m) => m.status !== "failed"),
        },
        mood: state.mood,
        moodSince,
        rememberedFacts: latestRemembered(state),
        eventsTold: [...eventsToldIn(state.memoryFacts)].sort(byRecording),
      }));
  }

  async person(userId: string): Promise<LifePerson | null> {
    await this.catchUp();
    const user = this.#users.get(userStreamId(userId));
    if (!user?.registered) return null;
    return { userId, ...user.profile, recentInitiations: [...(this.#initiations.get(userId) ?? [])] };
  }

  /** Reads what was appended since the last read; concurrent callers share one pass. */
  catchUp(): Promise<void> {
    this.#catchingUp = this.#catchingUp
      .catch(() => {})
      .then(async () => {
        for (;;) {
          const batch = await this.#store.readAll({ after: this.#position, maxCount: 1000 });
          for (const event of batch) this.#apply(event);
          if (batch.length === 0) return;
          this.#position = batch[batch.length - 1]!.position;
        }
      });
    return this.#catchingUp;
  }

  #apply(recorded: RecordedEvent): void {
    const category = streamCategory(recorded.streamId);
    if (category !== "agent" && category !== "conversation" && category !== "user") return;
    const event = this.#catalogue.parse(recorded.type, recorded.metadata.schemaVersion ?? 1, recorded.data);
    const at = recorded.metadata.occurredAt;
    if (category === "agent") this.#applyAgent(recorded.streamId, event as AgentEvent, at);
    else if (category === "conversation")
      this.#applyConversation(recorded.streamId, event as ConversationEvent, at);
    else
      this.#users.set(
        recorded.streamId,
        userDecider.evolve(
          this.#users.get(recorded.streamId) ?? userDecider.initialState(),
          event as UserEvent,
        ),
      );
  }

  #applyAgent(streamId: string, event: AgentEvent, at: string): void {
    const entry = this.#agents.get(streamId) ?? {
      state: agentDecider.initialState(),
      original: null,
      lifeEvents: [],
      lastDriftAt: null,
    };
    entry.state = agentDecider.evolve(entry.state, event);
    if (event.type === "AgentCreated") entry.original = event.data.moodBaseline;
    if (event.type === "AgentMoodBaselineDrifted") entry.lastDriftAt = at;
    if (event.type === "AgentLifeEventOccurred") {
      const { lifeEventId, kind, title, description, occurredAt, moodImpact } = event.data;
      entry.lifeEvents = [
        ...entry.lifeEvents,
        { lifeEventId, kind, title, description, occurredAt, moodImpact },
      ].slice(-RECENT_EVENTS_KEPT);
    }
    this.#agents.set(streamId, entry);
  }

  #applyConversation(streamId: string, event: ConversationEvent, at: string): void {
    const entry = this.#conversations.get(streamId) ?? {
      state: conversationDecider.initialState(),
      moodSince: null,
    };
    entry.state = conversationDecider.evolve(entry.state, event);
    if (event.type === "MoodShifted") entry.moodSince = at;
    if (event.type === "AgentInitiatedMessage" && entry.state.userId) {
      const cutoff = Date.parse(event.data.sentAt) - INITIATIONS_KEPT_MS;
      const kept = (this.#initiations.get(entry.state.userId) ?? []).filter(
        (i) => Date.parse(i.sentAt) >= cutoff,
      );
      this.#initiations.set(entry.state.userId, [
        ...kept,
        { agentId: entry.state.agentId!, sentAt: event.data.sentAt },
      ]);
    }
    this.#conversations.set(streamId, entry);
  }
}

/** The facts remembered now, the latest recorded first, as the read model lists them. */
function latestRemembered(state: ConversationState): string[] {
  return [...state.memoryFacts]
    .filter(([, fact]) => !fact.forgotten)
    .sort(([a, x], [b, y]) => y.recordedAt.localeCompare(x.recordedAt) || (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, REMEMBERED_FACTS_READ)
    .map(([, fact]) => fact.text);
}
