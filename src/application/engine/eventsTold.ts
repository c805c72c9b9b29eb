import type { ConversationState } from "../../domain/conversation/decider.ts";
import { type EventTold, namesWhen } from "../memory/eventDue.ts";

type Facts = ConversationState["memoryFacts"];
const toldOf = new WeakMap<Facts, readonly EventTold[]>();

/**
 * The conversation's facts that name when something happens, read once per version of its facts
 * (the map is replaced only when a fact is recorded, corrected or forgotten), not on every turn.
 */
export function eventsToldIn(facts: Facts): readonly EventTold[] {
  const known = toldOf.get(facts);
  if (known) return known;
  const told = [...facts.values()].flatMap((fact) =>
    !fact.forgotten && namesWhen(fact.text) ? [{ text: fact.text, recordedAt: fact.recordedAt }] : [],
  );
  toldOf.set(facts, told);
  return told;
}
