import { chatImportDecider } from "../../src/domain/conversation/chatImport.ts";
import type { SummarizeMemory } from "../../src/domain/conversation/commands.ts";
import {
  type ConversationState,
  conversationDecider,
  nextRevisionToSummarize,
  summaryDueAt,
} from "../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../src/domain/conversation/events.ts";
import type { ImportedChatLine } from "../../src/domain/conversation/importedChatTurns.ts";
import { report } from "./support.ts";

const who = { userId: "u1", agentId: "a1" };
const SUMMARIZE_EVERY = 12;
const at = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();

/** A SillyTavern-like chat: a greeting, then turns; every tenth reply has a few swipes, one chosen. */
function chat(messages: number): ImportedChatLine[] {
  return Array.from({ length: messages }, (_, i): ImportedChatLine => {
    const text = `line ${i} of the chat, a sentence or two long`;
    if (i % 2 === 1) return { author: "person", text, alternatives: [], sentAt: at(i) };
    const alternatives = i % 20 === 0 ? [text, `${text} (b)`, `${text} (c)`] : [];
    return { author: "agent", text, alternatives, sentAt: at(i) };
  });
}

/** The import decided and folded, as the command handler does. */
function imported(lines: ImportedChatLine[]): { state: ConversationState; events: ConversationEvent[] } {
  const initial = chatImportDecider.initialState();
  const events = chatImportDecider.decide(
    { type: "ImportChat", ...who, lines, idPrefix: "imp", now: at(lines.length + 1) },
    initial,
  );
  return { state: events.reduce(chatImportDecider.evolve, initial), events };
}

/**
 * What the memory summary reactor does after an import: for each completed reply in stream order,
 * a summary once enough of its path is unsummarized, belonging to that old reply.
 */
function settled(start: ConversationState, events: ConversationEvent[]): number {
  let state = start;
  let summaries = 0;
  events.forEach((event, revision) => {
    if (event.type !== "AgentReplyCompleted") return;
    const replyId = event.data.replyId;
    const path = summaryDueAt(state, replyId, SUMMARIZE_EVERY);
    if (!path) return;
    const command: SummarizeMemory = {
      type: "SummarizeMemory",
      ...who,
      causedBy: replyId,
      summaryId: `s${revision}`,
      summary: "what was said",
      facts: [],
      coversFromRevision: nextRevisionToSummarize(path),
      coversToRevision: revision,
      messageCount: path.memory.unsummarizedMessages,
      now: at(1e6),
    };
    state = conversationDecider.decide(command, state).reduce(conversationDecider.evolve, state);
    summaries++;
  });
  return summaries;
}

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function measure(messages: number) {
  const lines = chat(messages);
  let done: ReturnType<typeof imported> | undefined;
  const importMs = cpuMs(() => {
    done = imported(lines);
  });
  let summaries = 0;
  const settleMs = cpuMs(() => {
    summaries = settled(done!.state, done!.events);
  });
  return { importMs, settleMs, summaries, events: done!.events.length };
}

/** An imported chat ten times longer costs about ten times the CPU, in the import and in the memory catch-up after it. */
export default async function chatImportBench(): Promise<void> {
  measure(500);
  const small = {
    importMs: Number.POSITIVE_INFINITY,
    settleMs: Number.POSITIVE_INFINITY,
    summaries: 0,
    events: 0,
  };
  const large = { ...small };
  for (let run = 0; run < 2; run++) {
    const [s, l] = [measure(2_000), measure(20_000)];
    Object.assign(small, s, {
      importMs: Math.min(small.importMs, s.importMs),
      settleMs: Math.min(small.settleMs, s.settleMs),
    });
    Object.assign(large, l, {
      importMs: Math.min(large.importMs, l.importMs),
      settleMs: Math.min(large.settleMs, l.settleMs),
    });
  }
  const ms = (n: number) => `${n.toFixed(0)} ms CPU`;
  report(
    `chat import: 20,000 messages (${large.events} events, ${large.summaries} summaries) against 2,000 (${small.events} events, ${small.summaries} summaries)`,
    [
      {
        name: "import (decide and fold)",
        value: ms(large.importMs),
        baseline: ms(small.importMs),
        ratio: large.importMs / small.importMs,
        target: "≈10×",
      },
      {
        name: "memory catch-up after it",
        value: ms(large.settleMs),
        baseline: ms(small.settleMs),
        ratio: large.settleMs / small.settleMs,
        target: "≈10×",
      },
    ],
  );
}
