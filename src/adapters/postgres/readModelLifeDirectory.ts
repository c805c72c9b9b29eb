import type { CommonQueryMethods } from "slonik";
import { listActiveAgentsWithLife } from "../../../projections/agents/queries.ts";
import {
  listConversationRowsWithAgent,
  listRecentInitiationsOf,
} from "../../../projections/conversations/queries.ts";
import { latestRememberedFacts, rememberedFactsSince } from "../../../projections/memory_facts/queries.ts";
import { readModelOr } from "../../../projections/runner/readModelOr.ts";
import { listUsersByIds } from "../../../projections/users/queries.ts";
import { byRecording } from "../../application/life/checkInQuestion.ts";
import type {
  AgentDirectory,
  ConversationDirectory,
  LifeAgent,
  LifeConversation,
  LifePerson,
  SentInitiation,
} from "../../application/life/lifeDirectories.ts";
import { REMEMBERED_FACTS_READ } from "../../application/life/lifeDirectories.ts";
import { type EventTold, namesWhen } from "../../application/memory/eventDue.ts";
import type { Clock } from "../../ports/clock.ts";

/** Cooldowns look back at most a month; a few days more cost nothing. */
const LIFE_EVENTS_LOOKBACK_MS = 35 * 86_400_000;
/** An event told this long ago ("in a month") may have been over for the two weeks it is asked about. */
const EVENTS_TOLD_LOOKBACK_MS = 60 * 86_400_000;

/**
 * What the life scheduler reads, from the read models: agents, conversations and people as the
 * projector last wrote them. The scheduler already counts its own initiations within a tick, and a
 * stale view at worst makes a command it issues find the aggregate moved on. The people in an
 * agent's conversations are read together with them, as the scheduler asks for each in turn.
 */
export class ReadModelLifeDirectory implements AgentDirectory, ConversationDirectory {
  readonly #db: CommonQueryMethods;
  readonly #clock: Clock;
  #people = new Map<string, LifePerson>();

  constructor(db: CommonQueryMethods, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async activeAgents(): Promise<readonly LifeAgent[]> {
    const since = new Date(this.#clock.now().getTime() - LIFE_EVENTS_LOOKBACK_MS).toISOString();
    const agents = await readModelOr([], () =>
      listActiveAgentsWithLife(this.#db, { lifeEventsSince: since }),
    );
    return agents.map(({ agent, scenarios, lifeEvents }) => ({
      agentId: agent.id,
      name: agent.name,
      persona: agent.persona,
      identity: agent.identity,
      moodBaseline: { mood: agent.mood_baseline, intensity: agent.mood_baseline_intensity },
      originalMoodBaseline: {
        mood: agent.original_mood_baseline,
        intensity: agent.original_mood_baseline_intensity,
      },
      scenarios: scenarios.map((s) => ({
        scenarioId: s.scenario_id,
        title: s.title,
        description: s.description,
        window: s.window,
        status: s.status,
      })),
      recentLifeEvents: lifeEvents.map((e) => ({
        lifeEventId: e.life_event_id,
        kind: e.kind,
        title: e.title,
        description: e.description,
        occurredAt: e.occurred_at,
        moodImpact: e.mood_impact,
      })),
      lastBaselineDriftAt: agent.last_baseline_drift_at,
    }));
  }

  async conversationsWith(agentId: string): Promise<readonly LifeConversation[]> {
    const rows = await readModelOr([], () => listConversationRowsWithAgent(this.#db, { agentId }));
    const streamIds = rows.map((row) => row.stream_id);
    const toldSince = new Date(this.#clock.now().getTime() - EVENTS_TOLD_LOOKBACK_MS).toISOString();
    const [facts, told, people] = await Promise.all([
      readModelOr(new Map<string, string[]>(), () =>
        latestRememberedFacts(this.#db, {
          streamIds,
          perStream: REMEMBERED_FACTS_READ,
        }),
      ),
      readModelOr(new Map<string, EventTold[]>(), () =>
        rememberedFactsSince(this.#db, { streamIds, since: toldSince }),
      ),
      this.#readPeople(rows.map((row) => row.user_id)),
    ]);
    this.#people = people;
    return rows.map((row) => ({
      userId: row.user_id,
      agentId,
      facts: {
        started: true,
        lastUserMessageAt: row.last_user_message_at,
        lastAgentMessageAt: row.last_agent_message_at,
        initiationsSinceUserMessage: row.initiations_since_user_message,
        lastInitiatedAt: row.last_initiated_at,
        affinity: row.affinity,
        awaitingReply: row.awaiting_replies > 0,
      },
      mood: row.mood ? { mood: row.mood, intensity: row.mood_intensity ?? 0 } : null,
      moodSince: row.mood_changed_at,
      rememberedFacts: facts.get(row.stream_id) ?? [],
      eventsTold: (told.get(row.stream_id) ?? []).filter((fact) => namesWhen(fact.text)).sort(byRecording),
    }));
  }

  async person(userId: string): Promise<LifePerson | null> {
    return this.#people.get(userId) ?? (await this.#readPeople([userId])).get(userId) ?? null;
  }

  async #readPeople(userIds: readonly string[]): Promise<Map<string, LifePerson>> {
    const [users, initiations] = await Promise.all([
      readModelOr([], () => listUsersByIds(this.#db, { ids: userIds })),
      readModelOr(new Map<string, SentInitiation[]>(), () => listRecentInitiationsOf(this.#db, { userIds })),
    ]);
    return new Map(
      users.map((user) => [
        user.id,
        {
          userId: user.id,
          displayName: user.displayName,
          timezone: user.timezone,
          quietHours: user.quietHours,
          doNotDisturb: user.doNotDisturb,
          recentInitiations: initiations.get(user.id) ?? [],
        },
      ]),
    );
  }
}
