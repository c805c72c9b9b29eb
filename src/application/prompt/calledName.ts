import { extractFacts } from "../memory/factExtractor.ts";
import type { ReplyContext } from "./replyContext.ts";

/** Cheap test before the extractor reads a message: only these words introduce a name. */
const MAY_INTRODUCE = /\b(?:I'm|I am|name|call me|go by)\b/i;
const CALLED = / likes to be called (.+)$/;

/**
 * The name the person asked to be called: the latest self-introduction in their own messages in
 * view ("Hi! I'm Nora"), else a remembered one ("Alice likes to be called Nora"), else null.
 */
export function calledNameOf(input: {
  personName: string;
  personMessage: string;
  recentMessages: ReplyContext["recentMessages"];
  memories: ReplyContext["memories"];
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
      const name = CALLED.exec(fact.text)?.[1];
      if (name) return name;
    }
  }
  for (const memory of input.memories) {
    const name = memory.kind === "summary" ? undefined : CALLED.exec(memory.text)?.[1];
    if (name) return name;
  }
  return null;
}

/** The name in the latest of these facts that says what the person likes to be called, or null. */
export function calledNameInFacts(facts: Iterable<{ text: string; forgotten?: boolean }>): string | null {
  let called: string | null = null;
  for (const fact of facts) {
    const name = fact.forgotten ? undefined : CALLED.exec(fact.text)?.[1];
    if (name) called = name;
  }
  return called;
}

/** How the agent addresses the person: the name they asked for, else their profile's. */
export function addressName(context: Pick<ReplyContext, "personName" | "calledName">): string {
  return context.calledName ?? context.personName;
}
