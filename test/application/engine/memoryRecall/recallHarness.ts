import { PostgresCheckpointStore } from "../../../../src/adapters/postgres/postgresCheckpointStore.ts";
import {
  type MemorySummaryWriter,
  ruleSummaryWriter,
  type SummaryLine,
  type SummaryNames,
  summarizeByRules,
} from "../../../../src/application/engine/memorySummaryWriter.ts";
import type { ComposeRequest, ReplyComposer } from "../../../../src/application/engine/replyComposer.ts";
import { extractFacts } from "../../../../src/application/memory/factExtractor.ts";
import { PersonaEngine } from "../../../../src/application/persona/personaEngine.ts";
import type { AgentReplyCompleted } from "../../../../src/domain/conversation/events.ts";
import { conversationStreamId, userStreamId } from "../../../../src/domain/streamIds.ts";
import { userDecider } from "../../../../src/domain/user/decider.ts";
import type { Embedder } from "../../../../src/ports/embedder.ts";
import { eventually } from "../../../support/coreHarness.ts";
import { type EngineHarness, startEngineHarness } from "../../../support/engineHarness.ts";
import { createTestAgent, sendTestMessage, testContext } from "../../../support/testCommands.ts";
import type { ScriptedConversation } from "./conversations.ts";
import { memorySection, redundantPairs, repeatsMessage } from "./promptReading.ts";

/**
 * Plays scripted conversations through the real engine (event store, reply reactor, memory
 * summary and index reactors, the configured embedder and vector index) and reads the system
 * prompt each reply was written from: what is measured is what a model would have been shown.
 */
export interface RecallResult {
  person: string;
  /** Questions whose fact reached the memory section in a line about it. */
  inFactLine: number;
  /** Questions whose fact reached the prompt anywhere (memory, a long summary, recent messages). */
  anywhere: number;
  questions: number;
  redundantPairs: number;
  /** Turns whose memory section repeated the message being answered. */
  ownMessageInMemory: number;
  turns: number;
  misses: string[];
}

/**
 * How summaries are written: by the offline rules, or as a language model tends to write them,
 * restating the person's facts inside the summary and again as its fact list (the redundancy
 * that retrieval has to collapse).
 */
export type SummaryStyle = "rules" | "model";

/** Records every reply request, then lets the offline persona engine answer it. */
class PromptRecorder implements ReplyComposer {
  readonly name = "prompt-recorder";
  readonly requests: ComposeRequest[] = [];
  readonly #inner = new PersonaEngine({ tokenDelayMs: 0 });
  describe() {
    return this.#inner.describe();
  }
  compose(request: ComposeRequest, signal?: AbortSignal) {
    this.requests.push(request);
    return this.#inner.compose(request, signal);
  }
}

/** Summaries in a model's manner: every fact the person stated, in one paragraph and as a list. */
const modelStyleSummaries: MemorySummaryWriter = {
  summarize: async (lines: readonly SummaryLine[], names: SummaryNames) => {
    const { personName } = names;
    const facts = lines
      .filter((line) => line.author === "person")
      .flatMap((line) => extractFacts(line.text, names).map((fact) => fact.text));
    const topics = summarizeByRules(lines, names).summary;
    return {
      summary: facts.length ? `${personName} shared a few things: ${facts.join("; ")}.` : topics,
      facts: facts.slice(0, 20),
    };
  },
};

const MEMORY_REACTORS = ["reply", "memory-summary", "memory-facts", "memory-index"];
/** A line longer than this is a summary that happens to hold the fact, not a line about it. */
const FACT_LINE_MAX_WORDS = 30;

export async function measureRecall(
  embedder: Embedder,
  conversations: readonly ScriptedConversation[],
  summaries: SummaryStyle,
): Promise<RecallResult[]> {
  const recorder = new PromptRecorder();
  const h = await startEngineHarness({
    embedder,
    strategies: {
      replies: recorder,
      summaries: summaries === "model" ? modelStyleSummaries : ruleSummaryWriter,
    },
  });
  try {
    const people = await Promise.all(conversations.map((c, i) => seed(h, c, i)));
    const turns = conversations.map((c) => [
      ...c.opening,
      ...c.facts.map((f) => f.said),
      ...c.chat,
      ...c.facts.map((f) => f.question),
    ]);
    const longest = Math.max(...turns.map((t) => t.length));
    for (let step = 0; step < longest; step++) {
      await Promise.all(
        people.map((person, i) => (turns[i]![step] ? sendAndAwaitReply(h, person, turns[i]![step]!) : null)),
      );
      h.clock.advance(3 * 60_000);
      await memoryCaughtUp(h);
    }
    return conversations.map((conversation, i) => score(conversation, turns[i]!, recorder.requests));
  } finally {
    await h.close();
  }
}

interface Person {
  userId: string;
  agentId: string;
}

async function seed(h: EngineHarness, conversation: ScriptedConversation, index: number): Promise<Person> {
  const now = h.clock.now();
  const userId = `3f5d1c2a-0b4e-4c6d-8e9f-11223344556${index}`;
  await h.engine.commands.handle(
    userDecider,
    userStreamId(userId),
    {
      type: "RegisterUser",
      userId,
      subject: `dev:${conversation.person.toLowerCase()}`,
      displayName: conversation.person,
      role: "user",
      now: now.toISOString(),
    },
    testContext(now, `user:${userId}`),
  );
  const agentId = `0000000${index}-1e2f-4a3b-8c4d-5e6f70819203`;
  await createTestAgent(
    h.engine.commands,
    {
      agentId,
      name: conversation.agent.name,
      identity: {
        homeCity: conversation.agent.homeCity,
        country: conversation.agent.country,
        occupation: conversation.agent.occupation,
        timezone: conversation.agent.timezone,
      },
    },
    now,
  );
  return { userId, agentId };
}

async function sendAndAwaitReply(h: EngineHarness, person: Person, text: string): Promise<void> {
  const messageId = await sendTestMessage(h.engine.commands, { ...person, text }, h.clock.now());
  const streamId = conversationStreamId(person.userId, person.agentId);
  await eventually(async () => {
    const events = await h.store.readStream(streamId, { direction: "backwards", maxCount: 12 });
    return events.some(
      (e) =>
        e.type === "AgentReplyCompleted" && (e.data as AgentReplyCompleted["data"]).inReplyTo === messageId,
    );
  }, 60_000);
}

/** Waits until the reply and memory reactors have handled everything, including what they wrote. */
async function memoryCaughtUp(h: EngineHarness): Promise<void> {
  const checkpoints = new PostgresCheckpointStore(h.raw);
  for (;;) {
    const head = await h.store.headPosition();
    await eventually(async () => {
      for (const name of MEMORY_REACTORS) {
        const at = await checkpoints.load(name);
        if (!at || h.store.comparePositions(at, head) < 0) return false;
      }
      return true;
    }, 60_000);
    if (h.store.comparePositions(await h.store.headPosition(), head) === 0) return;
  }
}

function score(
  conversation: ScriptedConversation,
  turns: string[],
  requests: ComposeRequest[],
): RecallResult {
  const person = conversation.person;
  const mine = requests.filter(
    (r) => r.context.personName === person && r.context.agent.name === conversation.agent.name,
  );
  const promptFor = (message: string) => mine.findLast((r) => r.context.personMessage === message);
  const result: RecallResult = {
    person,
    inFactLine: 0,
    anywhere: 0,
    questions: conversation.facts.length,
    redundantPairs: 0,
    ownMessageInMemory: 0,
    turns: turns.length,
    misses: [],
  };
  for (const turn of turns) {
    const request = promptFor(turn);
    if (request && repeatsMessage(memorySection(request, person), turn, person)) result.ownMessageInMemory++;
  }
  for (const fact of conversation.facts) {
    const request = promptFor(fact.question);
    if (!request) throw new Error(`no prompt was built for "${fact.question}"`);
    const lines = memorySection(request, person);
    const hasKey = (text: string) => fact.key.every((k) => text.toLowerCase().includes(k.toLowerCase()));
    result.redundantPairs += redundantPairs(lines, person);
    if (lines.some((line) => hasKey(line) && line.split(/\s+/).length <= FACT_LINE_MAX_WORDS))
      result.inFactLine++;
    else result.misses.push(`${fact.question} → [${lines.join(" | ")}]`);
    if (request.messages.some((m) => hasKey(m.content))) result.anywhere++;
  }
  return result;
}
