import { assertNever, DomainError } from "../shared/decider.ts";
import { charCount, isBlank } from "../shared/text.ts";
import type { ConversationEvent } from "./events.ts";
import type { CorrectMemoryFact, ForgetMemoryFact, RecordMemoryFact } from "./memoryFactCommands.ts";
import { MEMORY_FACT_MAX, MEMORY_FACT_SOURCES_MAX } from "./memoryFactEvents.ts";
import type { RememberedFact } from "./rememberedFact.ts";
import type { ConversationState } from "./state.ts";

export function recordMemoryFact(command: RecordMemoryFact, state: ConversationState): ConversationEvent[] {
  if (state.memoryFacts.has(command.factId))
    throw new DomainError("MemoryFactAlreadyRecorded", "CONFLICT", "This fact is recorded already.");
  const text = validText(command.text);
  const sources = [...new Set(command.sourceMessageIds)];
  if (sources.length === 0 || sources.length > MEMORY_FACT_SOURCES_MAX)
    throw new DomainError(
      "MemoryFactInvalid",
      "BAD_USER_INPUT",
      `Name from 1 to ${MEMORY_FACT_SOURCES_MAX} messages the fact was taken from.`,
    );
  const unknown = sources.find((id) => !state.tree.nodes.has(id));
  if (unknown !== undefined)
    throw new DomainError(
      "MemoryFactSourceUnknown",
      "BAD_USER_INPUT",
      `Message ${unknown} is not in this conversation; name messages that are.`,
    );
  const quote = command.quote?.trim();
  return [
    {
      type: "MemoryFactRecorded",
      data: {
        factId: command.factId,
        text,
        kind: command.kind,
        sourceMessageIds: sources,
        ...(quote ? { quote: validText(quote) } : {}),
        recordedAt: command.now,
      },
    },
  ];
}

export function correctMemoryFact(command: CorrectMemoryFact, state: ConversationState): ConversationEvent[] {
  const fact = rememberedFact(state, command.factId);
  const text = validText(command.text);
  if (text === fact.text) return [];
  return [
    {
      type: "MemoryFactCorrected",
      data: { factId: command.factId, text, by: command.by, correctedAt: command.now },
    },
  ];
}

/** Forgetting a fact already forgotten (a retry) writes nothing. */
export function forgetMemoryFact(command: ForgetMemoryFact, state: ConversationState): ConversationEvent[] {
  if (state.memoryFacts.get(command.factId)?.forgotten) return [];
  rememberedFact(state, command.factId);
  return [
    {
      type: "MemoryFactForgotten",
      data: { factId: command.factId, by: command.by, forgottenAt: command.now },
    },
  ];
}

function rememberedFact(state: ConversationState, factId: string): RememberedFact {
  const fact = state.memoryFacts.get(factId);
  if (!fact)
    throw new DomainError(
      "MemoryFactNotFound",
      "NOT_FOUND",
      "There is no such memory in this conversation; list the memories to find its id.",
    );
  if (fact.forgotten)
    throw new DomainError(
      "MemoryFactAlreadyForgotten",
      "NOT_FOUND",
      "This memory was forgotten already; it cannot be changed.",
    );
  return fact;
}

function validText(raw: string): string {
  const text = raw.trim().replace(/\s+/g, " ");
  if (isBlank(text) || charCount(text) > MEMORY_FACT_MAX)
    throw new DomainError(
      "MemoryFactInvalid",
      "BAD_USER_INPUT",
      `Write the memory as 1 to ${MEMORY_FACT_MAX} characters.`,
    );
  return text;
}

type MemoryFactEvent = Extract<
  ConversationEvent,
  { type: "MemoryFactRecorded" | "MemoryFactCorrected" | "MemoryFactForgotten" | "MemorySummariesWithdrawn" }
>;

export function evolveMemoryFacts(
  facts: ConversationState["memoryFacts"],
  event: MemoryFactEvent,
): ConversationState["memoryFacts"] {
  switch (event.type) {
    case "MemoryFactRecorded": {
      const { factId, text, kind, sourceMessageIds, quote, recordedAt } = event.data;
      return facts.set(factId, {
        text,
        kind,
        sourceMessageIds,
        quote: quote ?? null,
        recordedAt,
        correctedAt: null,
        forgotten: false,
      });
    }
    case "MemoryFactCorrected":
      return facts.update(
        event.data.factId,
        (fact) =>
          fact && {
            ...fact,
            text: event.data.text,
            correctedAt: event.data.correctedAt,
            recordedText: fact.recordedText ?? fact.text,
          },
      );
    case "MemoryFactForgotten":
      return facts.update(event.data.factId, (fact) => fact && { ...fact, forgotten: true });
    case "MemorySummariesWithdrawn":
      return facts.update(
        event.data.factId,
        (fact) =>
          fact && {
            ...fact,
            withdrawnSummaryIds: [...(fact.withdrawnSummaryIds ?? []), ...event.data.summaryIds],
          },
      );
    default:
      return assertNever(event);
  }
}
