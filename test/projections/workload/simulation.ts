import { type AgentState, agentDecider } from "../../../src/domain/agent/decider.ts";
import { catalogue } from "../../../src/domain/catalogue.ts";
import { type ConversationState, conversationDecider } from "../../../src/domain/conversation/decider.ts";
import { type ImageJobState, imageJobDecider } from "../../../src/domain/imageJob/decider.ts";
import type { LorebookState } from "../../../src/domain/lorebook/state.ts";
import { type Decider, DomainError, type DomainEvent } from "../../../src/domain/shared/decider.ts";
import { MOODS } from "../../../src/domain/shared/mood.ts";
import {
  agentStreamId,
  conversationStreamId,
  imageJobStreamId,
  userStreamId,
} from "../../../src/domain/streamIds.ts";
import { type UserState, userDecider } from "../../../src/domain/user/decider.ts";
import type { EventToAppend } from "../../../src/ports/eventStore.ts";
import type { WorkloadAppend, WorkloadOptions } from "../../support/workload.ts";
import { cardCommand, createLorebook } from "./cards.ts";
import { conversationTurn, initiateMessage } from "./conversations.ts";
import { advanceJob, agentLife, userActivity } from "./lives.ts";
import { Rng, WORDS } from "./random.ts";

export type Entity<S> = { id: string; streamId: string; state: S };
export type Job = Entity<ImageJobState> & { portraitFor: string | null };
export type Conversation = Entity<ConversationState> & { userId: string; agentId: string };

const STEPS_PER_ROUND = 25;
export const TIMEZONES = [
  "Europe/Lisbon",
  "Asia/Tokyo",
  "America/New_York",
  "Europe/Berlin",
  "Australia/Sydney",
];

/** The world the workload plays in: every aggregate's state, a clock, and the appends of the round. */
export class Simulation {
  count = 0;
  readonly rng: Rng;
  readonly users: Entity<UserState>[] = [];
  readonly agents: Entity<AgentState>[] = [];
  readonly conversations = new Map<string, Conversation>();
  readonly jobs = new Map<string, Job>();
  readonly lorebooks: Entity<LorebookState>[] = [];
  /** Card and lorebook edits so far, which take turns through every kind. */
  cardEdits = 0;
  readonly #options: Required<WorkloadOptions>;
  #now = Date.parse("2025-01-06T08:00:00.000Z");
  #pending = new Map<string, EventToAppend[]>();

  /** Whether people change the shape of their conversations (see `WorkloadOptions.trees`). */
  get trees(): boolean {
    return this.#options.trees;
  }

  constructor(options: WorkloadOptions) {
    this.rng = new Rng(options.seed);
    this.#options = {
      users: Math.max(4, Math.round(options.events / 2_500)),
      agents: Math.max(3, Math.round(options.events / 15_000)),
      trees: false,
      ...options,
    };
  }

  setup(): WorkloadAppend[] {
    const r = this.rng;
    for (let i = 0; i < this.#options.agents; i++) {
      const agent = this.#entity(r.uuid(), agentStreamId, agentDecider.initialState());
      this.agents.push(agent);
      const create = {
        agentId: agent.id,
        name: `Agent ${i} ${r.pick(WORDS)}`,
        persona: {
          summary: `A ${r.pick(WORDS)}-loving companion.`,
          traits: [r.pick(WORDS), "warm"],
          speakingStyle: "Short sentences, a little teasing.",
          backstory: r.text(12),
          interests: [r.pick(WORDS), r.pick(WORDS)],
        },
        identity: { homeCity: "Lisbon", occupation: "Barista", timezone: r.pick(TIMEZONES), latitude: 38.7 },
        appearancePrompt: `Short dark hair, ${r.pick(WORDS)} scarf.`,
        moodBaseline: { mood: r.pick(MOODS), intensity: r.round(0.3 + r.next() * 0.4) },
        createdBy: "admin-1",
        now: this.iso(),
      };
      // The first agent comes from a character card with a lorebook; the others are made here.
      if (i === 0)
        this.run(agentDecider, agent, cardCommand(this, create, createLorebook(this, "Card lore").id));
      else
        this.run(agentDecider, agent, {
          type: "CreateAgent",
          ...create,
          source: r.chance(0.5) ? "generated" : "manual",
        });
      if (i < this.#options.agents - 1)
        this.requestJob(r.uuid(), agent.id, null, "Studio portrait", agent.id);
    }
    for (let i = 0; i < this.#options.users; i++) {
      const user = this.#entity(r.uuid(), userStreamId, userDecider.initialState());
      this.users.push(user);
      this.run(userDecider, user, {
        type: "RegisterUser",
        userId: user.id,
        subject: i % 3 === 0 ? `dev:user${i}` : r.uuid(),
        displayName: `User ${i}`,
        role: i === 0 ? "admin" : "user",
        now: this.iso(),
      });
    }
    return this.#flush();
  }

  round(): WorkloadAppend[] {
    for (let i = 0; i < STEPS_PER_ROUND && this.count < this.#options.events; i++) this.#step();
    return this.#flush();
  }

  #step(): void {
    const r = this.rng;
    this.#now += r.int(20_000) + 500;
    const roll = r.next();
    if (roll < 0.68) conversationTurn(this, this.#conversation());
    else if (roll < 0.82 && this.jobs.size > 0) advanceJob(this, r.pick([...this.jobs.values()]));
    else if (roll < 0.87) initiateMessage(this, this.#conversation());
    else if (roll < 0.94) agentLife(this, r.pick(this.agents));
    else if (roll < 0.995) userActivity(this, r.pick(this.users));
    else this.#maybeArchive();
  }

  /** Late in the story, one agent is archived (conversations with it stop), and now and then one comes back. */
  #maybeArchive(): void {
    const archived = this.agents.find((a) => a.state.status === "archived");
    if (archived && this.rng.next() < 0.25) {
      this.run(agentDecider, archived, {
        type: "UnarchiveAgent",
        agentId: archived.id,
        unarchivedBy: "admin-1",
        now: this.iso(),
      });
      return;
    }
    const active = this.agents.filter((a) => a.state.status === "active");
    const last = active.at(-1);
    if (last && active.length > 2 && this.count > this.#options.events * 0.7) {
      this.run(agentDecider, last, {
        type: "ArchiveAgent",
        agentId: last.id,
        archivedBy: "admin-1",
        reason: "retired",
        now: this.iso(),
      });
    }
  }

  #conversation(): Conversation {
    const user = this.rng.pick(this.users);
    const agent = this.rng.pick(this.agents.filter((a) => a.state.status === "active"));
    const key = `${user.id}|${agent.id}`;
    let conversation = this.conversations.get(key);
    if (!conversation) {
      const streamId = conversationStreamId(user.id, agent.id);
      const state = conversationDecider.initialState();
      conversation = { id: key, streamId, userId: user.id, agentId: agent.id, state };
      this.conversations.set(key, conversation);
    }
    return conversation;
  }

  requestJob(
    id: string,
    agentId: string,
    userId: string | null,
    prompt: string,
    portraitFor: string | null,
    base?: string,
  ) {
    const job: Job = { ...this.#entity(id, imageJobStreamId, imageJobDecider.initialState()), portraitFor };
    this.jobs.set(id, job);
    this.run(imageJobDecider, job, {
      type: "RequestImageJob",
      imageJobId: id,
      kind: portraitFor ? "basePortrait" : "variation",
      agentId,
      prompt,
      requestedBy: userId ?? "admin-1",
      now: this.iso(1),
      ...(userId ? { userId } : {}),
      ...(base ? { basePortraitUrl: base } : {}),
    });
  }

  /** Decides, folds and records; a command the domain refuses is simply not part of the story. */
  run<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, entity: Entity<S>, command: C): void {
    let events: E[];
    try {
      events = decider.decide(command, entity.state);
    } catch (error) {
      if (error instanceof DomainError) return;
      throw error;
    }
    const occurredAt = (command as { now: string }).now;
    const buffer = this.#pending.get(entity.streamId) ?? [];
    this.#pending.set(entity.streamId, buffer);
    for (const event of events) {
      entity.state = decider.evolve(entity.state, event);
      const metadata = {
        occurredAt,
        correlationId: this.rng.uuid(),
        causationId: null,
        actor: "workload",
        requestId: null,
        schemaVersion: catalogue.currentVersion(event.type),
      };
      buffer.push({ id: this.rng.uuid(), type: event.type, data: catalogue.validate(event), metadata });
      this.count++;
    }
  }

  /** The simulated clock, `offsetSeconds` from now. */
  iso(offsetSeconds = 0): string {
    return new Date(this.#now + offsetSeconds * 1000).toISOString();
  }

  #entity<S>(id: string, streamOf: (id: string) => string, state: S): Entity<S> {
    return { id, streamId: streamOf(id), state };
  }

  #flush(): WorkloadAppend[] {
    const round = [...this.#pending]
      .filter(([, events]) => events.length > 0)
      .map(([streamId, events]) => ({ streamId, events }));
    this.#pending = new Map();
    return round;
  }
}
