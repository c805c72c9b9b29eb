import { LexicalEmbedder } from "../../../../src/adapters/local/lexicalEmbedder.ts";
import { defaultEngineSettings } from "../../../../src/application/engine/engineDependencies.ts";
import { indexMemories } from "../../../../src/application/engine/memoryIndexer.ts";
import { retrieveMemories } from "../../../../src/application/engine/memoryRetrieval.ts";
import { extractFacts } from "../../../../src/application/memory/factExtractor.ts";
import { factRecord } from "../../../../src/application/memory/memoryRecords.ts";
import { composeReply } from "../../../../src/application/persona/personaComposer.ts";
import { readMessage, type TurnKind } from "../../../../src/application/persona/personaReading.ts";
import { buildReplyPrompt } from "../../../../src/application/prompt/buildReplyPrompt.ts";
import type { ReplyContext } from "../../../../src/application/prompt/replyContext.ts";
import { createLogger } from "../../../../src/observability/logger.ts";
import { memoryNamespace } from "../../../../src/ports/vectorIndex.ts";
import { InMemoryVectorIndex } from "../../../support/inMemoryVectorIndex.ts";
import type { Dialogue, DialogueTurn } from "./dialogueTypes.ts";

export interface PlayedTurn {
  turn: DialogueTurn;
  /** The kind the engine read the turn as. */
  readAs: TurnKind;
  reply: string;
  context: ReplyContext;
}

const RECENT_MESSAGES_KEPT = 30;
const MINUTES_BETWEEN_TURNS = 3;

/**
 * Plays a dialogue through the memory port as the engine does: each message's facts are extracted
 * and indexed after it is answered (lexical embedder, a vector index), each reply's memories are
 * retrieved and ranked for the message, and the offline persona engine composes the reply.
 */
export async function playDialogue(dialogue: Dialogue, index: number): Promise<PlayedTurn[]> {
  const embedder = new LexicalEmbedder();
  const deps = {
    embedder,
    vectorIndex: new InMemoryVectorIndex(embedder.dimensions),
    settings: defaultEngineSettings,
    logger: createLogger({ level: "silent" }),
  };
  const userId = `person-${index}`;
  const agentId = `agent-${index}`;
  const namespace = memoryNamespace(userId, agentId);
  const recent: ReplyContext["recentMessages"][number][] = [];
  const played: PlayedTurn[] = [];
  const eventsTold: { text: string; recordedAt: string }[] = [];
  let daysPassed = 0;
  for (const [i, turn] of dialogue.turns.entries()) {
    daysPassed += turn.daysLater ?? 0;
    const now = new Date(
      Date.parse(dialogue.startsAt) + i * MINUTES_BETWEEN_TURNS * 60_000 + daysPassed * 86_400_000,
    );
    const message = { messageId: `message-${i}`, text: turn.say, revision: 2 * i };
    const recentMessages = recent.slice(-RECENT_MESSAGES_KEPT);
    const memories = await retrieveMemories(deps, {
      userId,
      agentId,
      message,
      recentTexts: recentMessages.map((m) => m.text),
      personName: dialogue.person,
    });
    const { agent } = dialogue;
    const { context } = buildReplyPrompt({
      persona: {
        name: agent.name,
        summary: agent.summary,
        traits: ["warm", "curious"],
        speakingStyle: "casual and friendly",
        backstory: agent.backstory,
        interests: agent.interests,
        selfDescribesAsAI: false,
      },
      identity: {
        homeCity: agent.homeCity,
        country: agent.country,
        occupation: agent.occupation,
        timezone: agent.timezone,
      },
      now,
      mood: { name: "content", intensity: 0.5 },
      affinity: 40,
      scenarios: [],
      lifeEvents: [],
      memories: memories.map((m) => ({ id: m.id, text: m.text, score: m.score })),
      eventsTold: [...eventsTold],
      recentMessages,
      personName: dialogue.person,
      personTimezone: dialogue.personTimezone,
      personMessage: turn.say,
    });
    const reply = composeReply(context, index * 1000 + i);
    played.push({ turn, readAs: readMessage(turn.say).kind, reply, context });
    const at = now.toISOString();
    recent.push({ author: "person", text: turn.say, at }, { author: "agent", text: reply, at });
    const facts = extractFacts(turn.say, {
      personName: dialogue.person,
      agentName: agent.name,
      previous: { person: dialogue.turns[i - 1]?.say ?? null, agent: recent.at(-3)?.text ?? null },
    });
    eventsTold.push(...facts.map((fact) => ({ text: fact.text, recordedAt: at })));
    await indexMemories(
      deps,
      namespace,
      facts.map((fact, k) => ({
        id: `fact-${i}-${k}`,
        record: factRecord(fact, { messageIds: [message.messageId], at, revision: message.revision }),
      })),
    );
  }
  return played;
}
