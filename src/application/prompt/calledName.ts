import { extractFacts } from "../memory/factExtractor.ts";
import type { ReplyContext } from "./replyContext.ts";

/** Cheap test before the extractor reads a message: only these words introduce a name. */
const MAY_INTRODUCE = /\b(?:I'm|I am|name|call me|go by)\b/i;
/** A fact that says what the person likes to be called: who (as the fact names them), then the name. */
export const CALLED_FACT = /^(.+?) likes to be called (.+)$/;

/**
 * The name the person asked to be called: the latest self-introduction in their own messages in
 * view ("Hi! I'm Nora"), else the conversation's remembered one, else one among the recalled
 * memories ("Alice likes to be called Nora"), else null. A message whose fact was corrected is
 * out of view, though it may be the one that introduced them.
 */
export function calledNameOf(input: {
  personName: string;
  personMessage: string;
  recentMessages: ReplyContext["recentMessages"];
  memories: ReplyContext["memories"];
  calledNameInMemory?: string | null;
}): string | null {
  const own = [
    input.personMessage,
    ...input.recentMessages
      .filter((m) => m.author === "person" && !m.superseded)
      .map((m) => m.text)
      .reverse(),
  ];
  for (const text of own) {
    if (!MAY_INTRODUCE.test(text)) continue;
    for (const fact of extractFacts(text, { personName: input.personName || "The person" })) {
      const name = CALLED_FACT.exec(fact.text)?.[2];
      if (name) return name;
    }
  }
  if (input.calledNameInMemory) return input.calledNameInMemory;
  for (const memory of input.memories) {
    const name = memory.kind === "summary" ? undefined : CALLED_FACT.exec(memory.text)?.[2];
    if (name) return name;
  }
  return null;
}

/**
 * The name in the latest of these facts that says what the person likes to be called, or null.
 * Latest by when the fact was recorded or last corrected: a conversation keeps its facts in a map
 * whose order is not the order they were told once it holds more than a few. Facts without times
 * count in the order given.
 */
export function calledNameInFacts(
  facts: Iterable<{ text: string; forgotten?: boolean; recordedAt?: string; correctedAt?: string | null }>,
): string | null {
  let called: string | null = null;
  let calledAt = "";
  for (const fact of facts) {
    const name = fact.forgotten ? null : calledIn(fact);
    const at = fact.correctedAt ?? fact.recordedAt ?? "";
    if (name && at >= calledAt) {
      called = name;
      calledAt = at;
    }
  }
  return called;
}

/**
 * The name facts and summaries speak of the person by: the one they asked to be called once they
 * have said it, else their display name. Facts drawn from a message and those a summary lists must
 * use the same name, or a summary's fact is not known as one already remembered (or forgotten).
 */
export function personNameInMemory(
  facts: Parameters<typeof calledNameInFacts>[0],
  displayName: string,
): string {
  return calledNameInFacts(facts) ?? (displayName || "The person");
}

/**
 * The facts are read again for every message of the person, and a remembered fact is the same
 * object from one state to the next: each is matched once, not once per message after it.
 */
const calledInFact = new WeakMap<object, string | null>();

function calledIn(fact: { text: string }): string | null {
  let name = calledInFact.get(fact);
  if (name === undefined) {
    name = CALLED_FACT.exec(fact.text)?.[2] ?? null;
    calledInFact.set(fact, name);
  }
  return name;
}

/** How the agent addresses the person: the name they asked for, else their profile's. */
export function addressName(context: Pick<ReplyContext, "personName" | "calledName">): string {
  return context.calledName ?? context.personName;
}
