import { randomUUID } from "node:crypto";
import { conversationDecider } from "../../domain/conversation/decider.ts";
import type { MemoryFactEditor, MemoryFactKind } from "../../domain/conversation/events.ts";
import { conversationStreamId } from "../../domain/streamIds.ts";
import type { CommandHandler } from "../commandHandler.ts";
import { requireActivePerson } from "../users/activePerson.ts";
import { commandContext, type RequestMeta } from "../users/requestMeta.ts";

export interface MemoryAddress {
  /** Whose memory: the person it is about. */
  userId: string;
  agentId: string;
  memoryId: string;
  by: MemoryFactEditor;
}

/** A remembered fact as it stands right after a change (before the read model has it). */
export interface ChangedMemory {
  id: string;
  text: string;
  kind: MemoryFactKind;
  recordedAt: string;
  correctedAt: string | null;
  sourceMessageIds: string[];
}

/** Replaces what the agent remembers with the person's (or an operator's) wording; it is re-embedded. */
export async function correctMemory(
  commands: CommandHandler,
  input: MemoryAddress & { text: string },
  meta: RequestMeta,
): Promise<ChangedMemory> {
  if (input.by === "admin") await requireActivePerson(commands, input.userId);
  const streamId = conversationStreamId(input.userId, input.agentId);
  const { state } = await commands.handle(
    conversationDecider,
    streamId,
    {
      type: "CorrectMemoryFact",
      userId: input.userId,
      agentId: input.agentId,
      factId: input.memoryId,
      text: input.text,
      by: input.by,
      now: meta.now.toISOString(),
    },
    commandContext(meta, `correct-memory:${input.memoryId}:${meta.requestId ?? randomUUID()}`),
  );
  const fact = state.memoryFacts.get(input.memoryId)!;
  return {
    id: input.memoryId,
    text: fact.text,
    kind: fact.kind,
    recordedAt: fact.recordedAt,
    correctedAt: fact.correctedAt,
    sourceMessageIds: [...fact.sourceMessageIds],
  };
}

/** The agent forgets the fact: it leaves the list and recall at once. */
export async function forgetMemory(
  commands: CommandHandler,
  input: MemoryAddress,
  meta: RequestMeta,
): Promise<{ memoryId: string }> {
  if (input.by === "admin") await requireActivePerson(commands, input.userId);
  await commands.handle(
    conversationDecider,
    conversationStreamId(input.userId, input.agentId),
    {
      type: "ForgetMemoryFact",
      userId: input.userId,
      agentId: input.agentId,
      factId: input.memoryId,
      by: input.by,
      now: meta.now.toISOString(),
    },
    commandContext(meta, `forget-memory:${input.memoryId}:${meta.requestId ?? randomUUID()}`),
  );
  return { memoryId: input.memoryId };
}
