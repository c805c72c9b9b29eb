import { availabilityAt } from "../../domain/agent/availability.ts";
import { rhythmFor } from "../../domain/agent/dailyRhythm.ts";
import { agentDecider } from "../../domain/agent/decider.ts";
import { activeScenariosAt } from "../../domain/agent/scenarios.ts";
import { conversationDecider } from "../../domain/conversation/decider.ts";
import { localDateTime } from "../../domain/shared/time.ts";
import { agentStreamId, conversationStreamId } from "../../domain/streamIds.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { defaultInitiationConfig, type InitiationConfig } from "./initiationPolicy.ts";
import { type InitiationTextWriter, templateInitiationWriter } from "./initiationText.ts";
import {
  commandIssuer,
  emptyTickReport,
  type IssueCommand,
  slotOf,
  type TickReport,
} from "./lifeCommands.ts";
import type { AgentDirectory, ConversationDirectory, LifeAgent, SentInitiation } from "./lifeDirectories.ts";
import { planLifeEvent, type RecentLifeEvent } from "./lifeEventPlanner.ts";
import { type LifeEventWriter, templateLifeEventWriter } from "./lifeEventWriter.ts";
import { runInitiations } from "./lifeInitiations.ts";
import {
  type BaselineDriftConfig,
  defaultBaselineDrift,
  defaultMoodDecay,
  type MoodDecayConfig,
  moodDecayCommand,
  planBaselineDrift,
} from "./moodDrift.ts";

export type { TickReport } from "./lifeCommands.ts";

export interface LifeSchedulerConfig {
  initiation: InitiationConfig;
  moodDecay: MoodDecayConfig;
  baselineDrift: BaselineDriftConfig;
  /** Chance that an awake local hour holds a life event. */
  lifeEventChance: number;
}

export const defaultLifeSchedulerConfig: LifeSchedulerConfig = {
  initiation: defaultInitiationConfig,
  moodDecay: defaultMoodDecay,
  baselineDrift: defaultBaselineDrift,
  lifeEventChance: 0.3,
};

export interface LifeSchedulerOptions {
  commands: CommandHandler;
  agents: AgentDirectory;
  conversations: ConversationDirectory;
  lifeEventWriter?: LifeEventWriter;
  initiationWriter?: InitiationTextWriter;
  config?: Partial<LifeSchedulerConfig>;
  /** Told about every failure that did not stop the tick (one agent's trouble spares the rest). */
  onError?: (error: unknown, context: { agentId: string }) => void;
}

/**
 * One tick of the agents' offline lives: life events, baseline drift, mood fading per
 * conversation, and messages the agents write first. Command ids come from the agent and the
 * slot, so running a tick again for the same slot writes nothing twice.
 */
export class LifeScheduler {
  readonly #options: LifeSchedulerOptions;
  readonly #config: LifeSchedulerConfig;
  readonly #issue: IssueCommand;

  constructor(options: LifeSchedulerOptions) {
    this.#options = options;
    this.#config = { ...defaultLifeSchedulerConfig, ...options.config };
    this.#issue = commandIssuer(options.commands);
  }

  async tick(now: Date): Promise<TickReport> {
    const report = emptyTickReport(now.toISOString());
    const initiationsByPerson = new Map<string, SentInitiation[]>();
    for (const agent of await this.#options.agents.activeAgents()) {
      report.agents++;
      try {
        await this.#tickAgent(agent, now, report, initiationsByPerson);
      } catch (error) {
        report.failures++;
        this.#options.onError?.(error, { agentId: agent.agentId });
      }
    }
    return report;
  }

  async #tickAgent(
    agent: LifeAgent,
    now: Date,
    report: TickReport,
    byPerson: Map<string, SentInitiation[]>,
  ): Promise<void> {
    const { agentId, identity } = agent;
    const instant = now.toISOString();
    const rhythm = rhythmFor(identity.occupation, agent.persona.summary);
    const issue = this.#issue;
    const recent: RecentLifeEvent[] = [...agent.recentLifeEvents];
    const plan = planLifeEvent({
      agent: { agentId, name: agent.name, identity, interests: agent.persona.interests },
      now,
      activeScenarios: activeScenariosAt(agent.scenarios, instant, identity.timezone),
      recentLifeEvents: recent,
      rhythm,
      chance: this.#config.lifeEventChance,
    });
    if (plan) {
      const writer = this.#options.lifeEventWriter ?? templateLifeEventWriter;
      const agentContext = {
        ...identity,
        name: agent.name,
        summary: agent.persona.summary,
        speakingStyle: agent.persona.speakingStyle,
      };
      const text = await writer.write(plan, { agent: agentContext, rhythm, hemisphere: identity.hemisphere });
      const command = {
        type: "RecordLifeEvent" as const,
        agentId,
        lifeEventId: plan.lifeEventId,
        kind: plan.kind,
        ...text,
        moodImpact: plan.moodImpact,
        now: instant,
      };
      if (
        await issue(agentDecider, agentStreamId(agentId), command, `life:${agentId}:${plan.lifeEventId}`, now)
      ) {
        report.lifeEvents++;
        const { lifeEventId, kind, title, description, moodImpact } = command;
        recent.push({ lifeEventId, kind, title, description, moodImpact, occurredAt: instant });
      }
    }
    let baseline = agent.moodBaseline;
    const drift = planBaselineDrift({
      agentId,
      timezone: identity.timezone,
      baseline,
      origin: agent.originalMoodBaseline,
      recentLifeEvents: recent,
      lastDriftAt: agent.lastBaselineDriftAt,
      now,
      config: this.#config.baselineDrift,
    });
    const localDate = localDateTime(instant, identity.timezone).date;
    if (
      drift &&
      (await issue(agentDecider, agentStreamId(agentId), drift, `drift:${agentId}:${localDate}`, now))
    ) {
      report.baselineDrifts++;
      baseline = drift.to;
    }
    const conversations = await this.#options.conversations.conversationsWith(agentId);
    const slot = slotOf(now);
    for (const conversation of conversations) {
      const decay = moodDecayCommand({
        userId: conversation.userId,
        agentId,
        mood: conversation.mood,
        moodSince: conversation.moodSince,
        lastUserMessageAt: conversation.facts.lastUserMessageAt,
        baseline,
        now,
        config: this.#config.moodDecay,
      });
      const stream = conversationStreamId(conversation.userId, agentId);
      if (decay && (await issue(conversationDecider, stream, decay, `decay:${stream}:${slot}`, now)))
        report.moodShifts++;
    }
    // Whether the agent could write at all; closeness only changes how it would reply.
    const availability = availabilityAt({
      identity,
      about: agent.persona.summary,
      scenarios: agent.scenarios,
      affinity: 0,
      now,
    });
    await runInitiations({
      agent,
      conversations,
      availability,
      recentLifeEvents: recent,
      directory: this.#options.conversations,
      writer: this.#options.initiationWriter ?? templateInitiationWriter,
      config: this.#config.initiation,
      issue,
      now,
      slot,
      report,
      byPerson,
    });
  }
}
