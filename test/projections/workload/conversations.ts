import type { ConversationCommand } from "../../../src/domain/conversation/commands.ts";
import {
  conversationDecider,
  nextMessageToAnswer,
  nextRevisionToSummarize,
  replyInProgress,
} from "../../../src/domain/conversation/decider.ts";
import { memoryFactKinds } from "../../../src/domain/conversation/memoryFactEvents.ts";
import { MOODS } from "../../../src/domain/shared/mood.ts";
import { changeTheTree } from "./conversationTree.ts";
import { WORDS } from "./random.ts";
import type { Conversation, Simulation } from "./simulation.ts";

/** Summaries are written once this many messages are not covered by one. */
const SUMMARY_EVERY = 16;

function say(sim: Simulation, c: Conversation, command: ConversationCommand): void {
  sim.run(conversationDecider, c, command);
}

/**
 * One turn: the person writes (or a failed reply is retried), sometimes asks for a picture, the
 * agent answers (or fails to), its mood and affinity move, and memory is summarized when due.
 */
export function conversationTurn(sim: Simulation, c: Conversation): void {
  const r = sim.rng;
  const address = { userId: c.userId, agentId: c.agentId };
  if (sim.trees && c.state.started && r.chance(0.06)) {
    changeTheTree(sim, c, (replyId) => finishReply(sim, c, replyId));
    return;
  }
  const failed = c.state.unanswered.find((m) => m.status === "failed" && m.attempts < 3);
  if (failed && !replyInProgress(c.state) && r.chance(0.7)) {
    const replyId = r.uuid();
    say(sim, c, { type: "RetryReply", ...address, replyId, messageId: failed.messageId, now: sim.iso() });
    finishReply(sim, c, replyId);
  } else {
    const messageId = r.uuid();
    const text = r.text(3 + r.int(25));
    say(sim, c, {
      type: "SendMessage",
      ...address,
      messageId,
      clientMessageId: r.uuid(),
      text,
      now: sim.iso(),
    });
    if (r.chance(0.12)) imageRequest(sim, c, messageId);
    rememberFacts(sim, c, messageId);
    const next = nextMessageToAnswer(c.state);
    if (next) {
      const replyId = r.uuid();
      say(sim, c, { type: "StartReply", ...address, replyId, messageId: next.messageId, now: sim.iso(1) });
      finishReply(sim, c, replyId);
    }
  }
  const reason = `talked about ${r.pick(WORDS)}`;
  if (r.chance(0.5)) {
    const intensity = r.round(r.next());
    say(sim, c, { type: "ShiftMood", ...address, mood: r.pick(MOODS), intensity, reason, now: sim.iso(3) });
  }
  if (r.chance(0.7)) {
    say(sim, c, { type: "ChangeAffinity", ...address, delta: r.int(8) - 3, reason, now: sim.iso(3) });
  }
  const unsummarized = c.state.memory.unsummarizedMessages;
  if (unsummarized >= SUMMARY_EVERY) {
    say(sim, c, {
      type: "SummarizeMemory",
      ...address,
      summaryId: r.uuid(),
      summary: r.text(30),
      facts: [r.text(5), r.text(4)],
      coversFromRevision: nextRevisionToSummarize(c.state),
      coversToRevision: c.state.revision,
      messageCount: unsummarized,
      now: sim.iso(4),
    });
  }
}

/** Sometimes a fact is taken from the message, and now and then the person corrects or forgets one. */
function rememberFacts(sim: Simulation, c: Conversation, messageId: string): void {
  const r = sim.rng;
  const address = { userId: c.userId, agentId: c.agentId, now: sim.iso(1) };
  if (r.chance(0.1)) {
    const kind = r.pick(memoryFactKinds);
    say(sim, c, {
      type: "RecordMemoryFact",
      ...address,
      factId: r.uuid(),
      text: r.text(6),
      kind,
      sourceMessageIds: [messageId],
    });
  }
  const remembered = [...c.state.memoryFacts.entries()].filter(([, fact]) => !fact.forgotten);
  if (remembered.length === 0 || !r.chance(0.04)) return;
  const [factId] = r.pick(remembered);
  const by = r.pick(["person", "admin"] as const);
  if (r.chance(0.5)) say(sim, c, { type: "CorrectMemoryFact", ...address, factId, text: r.text(5), by });
  else say(sim, c, { type: "ForgetMemoryFact", ...address, factId, by });
  const summaryIds = c.state.summaryIds;
  if (summaryIds.length > 0 && r.chance(0.5))
    say(sim, c, { type: "WithdrawMemorySummaries", ...address, factId, summaryIds: [r.pick(summaryIds)] });
}

export function finishReply(sim: Simulation, c: Conversation, replyId: string): void {
  const r = sim.rng;
  const address = { userId: c.userId, agentId: c.agentId, replyId, now: sim.iso(2) };
  if (r.chance(0.88)) {
    const usage = { promptTokens: 200 + r.int(800), completionTokens: 10 + r.int(90) };
    say(sim, c, {
      type: "CompleteReply",
      ...address,
      text: r.text(5 + r.int(40)),
      model: "local-persona",
      usage,
    });
    return;
  }
  const reason = r.pick(["timeout", "provider_error", "rate_limited"] as const);
  const retryable = r.chance(0.9);
  say(sim, c, { type: "FailReply", ...address, reason, message: "The model did not answer.", retryable });
}

function imageRequest(sim: Simulation, c: Conversation, inReplyTo: string): void {
  const r = sim.rng;
  const portrait = sim.agents.find((a) => a.id === c.agentId)?.state.basePortrait;
  const address = { userId: c.userId, agentId: c.agentId, requestId: r.uuid(), inReplyTo, now: sim.iso(1) };
  if (portrait && r.chance(0.65)) {
    const imageJobId = r.uuid();
    const scenePrompt = `Selfie with ${r.pick(WORDS)}`;
    say(sim, c, { type: "GrantImageRequest", ...address, imageJobId, scenePrompt });
    sim.requestJob(imageJobId, c.agentId, c.userId, scenePrompt, null, portrait.url);
    return;
  }
  const reason = r.pick(["too_soon", "agent_busy", "daily_limit", "not_comfortable"] as const);
  say(sim, c, { type: "DeclineImageRequest", ...address, reason });
}

/** The agent writes first, sometimes about the latest thing that happened in its life. */
export function initiateMessage(sim: Simulation, c: Conversation): void {
  const r = sim.rng;
  const lifeEventId = sim.agents.find((a) => a.id === c.agentId)?.state.recentLifeEventIds.at(-1);
  const about = lifeEventId && r.chance(0.4) ? { trigger: "life_event" as const, lifeEventId } : null;
  say(sim, c, {
    type: "InitiateMessage",
    userId: c.userId,
    agentId: c.agentId,
    messageId: r.uuid(),
    text: r.text(8),
    trigger: r.pick(["check_in", "morning_greeting", "good_night", "follow_up"] as const),
    ...about,
    now: sim.iso(),
  });
}
