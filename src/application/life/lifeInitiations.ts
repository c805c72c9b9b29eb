import type { Availability } from "../../domain/agent/availability.ts";
import { conversationDecider } from "../../domain/conversation/decider.ts";
import { conversationStreamId } from "../../domain/streamIds.ts";
import { checkInQuestion } from "./checkInQuestion.ts";
import { decideInitiation, type InitiationConfig } from "./initiationPolicy.ts";
import type { InitiationTextWriter } from "./initiationText.ts";
import type { IssueCommand, TickReport } from "./lifeCommands.ts";
import type {
  ConversationDirectory,
  LifeAgent,
  LifeConversation,
  LifePerson,
  SentInitiation,
} from "./lifeDirectories.ts";
import type { RecentLifeEvent } from "./lifeEventPlanner.ts";
import { seededRandom, shortHash } from "./seededRandom.ts";

export interface InitiationRound {
  agent: LifeAgent;
  conversations: readonly LifeConversation[];
  availability: Availability;
  recentLifeEvents: readonly RecentLifeEvent[];
  directory: ConversationDirectory;
  writer: InitiationTextWriter;
  config: InitiationConfig;
  issue: IssueCommand;
  now: Date;
  slot: string;
  report: TickReport;
  /** Initiations per person in this tick so far, shared across agents so daily caps hold within a tick. */
  byPerson: Map<string, SentInitiation[]>;
}

/** For each conversation with the agent: ask the policy, then write the message in the agent's voice. */
export async function runInitiations(round: InitiationRound): Promise<void> {
  const { agent, now, report } = round;
  const latest = round.recentLifeEvents.at(-1) ?? null;
  for (const conversation of round.conversations) {
    const person = await round.directory.person(conversation.userId);
    if (!person) continue;
    const sent = round.byPerson.get(person.userId) ?? [];
    const decision = decideInitiation({
      conversation: conversation.facts,
      person,
      personInitiations: sentInstants(person.recentInitiations, sent),
      agent: { status: round.availability.status },
      latestLifeEvent: latest,
      now,
      config: round.config,
    });
    if (!decision.initiate) {
      report.blocked[decision.reason] = (report.blocked[decision.reason] ?? 0) + 1;
      continue;
    }
    const stream = conversationStreamId(person.userId, agent.agentId);
    if (seededRandom(stream, round.slot, "write now").next() >= round.config.chancePerCheck) {
      report.blocked.NotNow = (report.blocked.NotNow ?? 0) + 1;
      continue;
    }
    const messageId = `init-${shortHash(stream, round.slot)}`;
    const lifeEvent = decision.lifeEventId
      ? (round.recentLifeEvents.find((e) => e.lifeEventId === decision.lifeEventId) ?? null)
      : freshest(round.recentLifeEvents, now, round.config.lifeEventFreshMinutes);
    const personName = displayName(person);
    const askAbout =
      decision.trigger === "follow_up"
        ? null
        : checkInQuestion({
            eventsTold: conversation.eventsTold,
            lastUserMessageAt: conversation.facts.lastUserMessageAt,
            lastInitiatedAt: conversation.facts.lastInitiatedAt,
            timezone: person.timezone ?? round.config.fallbackTimezone,
            personName,
            now,
          });
    const text = await round.writer.write({
      agentName: agent.name,
      personName,
      trigger: decision.trigger,
      lifeEvent,
      rememberedFact: conversation.rememberedFacts[0] ?? null,
      askAbout,
      seed: messageId,
    });
    const command = {
      type: "InitiateMessage" as const,
      userId: person.userId,
      agentId: agent.agentId,
      messageId,
      text,
      trigger: decision.trigger,
      ...(decision.lifeEventId ? { lifeEventId: decision.lifeEventId } : {}),
      now: now.toISOString(),
    };
    if (await round.issue(conversationDecider, stream, command, `initiate:${stream}:${round.slot}`, now)) {
      report.initiations++;
      round.byPerson.set(person.userId, [...sent, { agentId: agent.agentId, sentAt: now.toISOString() }]);
    } else {
      report.blocked.Stale = (report.blocked.Stale ?? 0) + 1;
    }
  }
}

/** The directory may or may not have caught up with this tick's own initiations: count each once. */
function sentInstants(known: readonly SentInitiation[], thisTick: readonly SentInitiation[]): string[] {
  const all = new Map([...known, ...thisTick].map((i) => [`${i.agentId}@${i.sentAt}`, i.sentAt]));
  return [...all.values()];
}

/** A life event from the last few hours, to colour a check-in. */
function freshest(events: readonly RecentLifeEvent[], now: Date, minutes: number): RecentLifeEvent | null {
  const last = events.at(-1);
  return last && now.getTime() - Date.parse(last.occurredAt) <= minutes * 60_000 ? last : null;
}

function displayName(person: LifePerson): string {
  return person.displayName.split(/\s+/)[0] || person.displayName;
}
