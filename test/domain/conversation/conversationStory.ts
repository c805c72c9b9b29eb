import { eventIdFor } from "../../../src/application/commandHandler.ts";
import type { EventLog } from "../../../src/application/eventLog.ts";
import type { ConversationState } from "../../../src/domain/conversation/decider.ts";
import type { ConversationEvent } from "../../../src/domain/conversation/events.ts";
import { pathStateAt } from "../../../src/domain/conversation/summaryMarks.ts";
import { Story } from "./story.ts";

/**
 * A state comparable with another whatever order their persistent maps iterate in, and whether or
 * not a summary is still marked rather than written into the states after it.
 */
export function comparable(state: ConversationState) {
  const byKey = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => a.localeCompare(b));
  const { tree } = state;
  const nodes = [...tree.nodes].map(([id, { marksSeen: _, ...node }]): [string, object] => [
    id,
    { ...node, state: pathStateAt(tree, tree.nodes.get(id)!) },
  ]);
  return {
    ...state,
    handledRequests: byKey(state.handledRequests),
    userMessagesByClientId: byKey(state.userMessagesByClientId),
    memoryFacts: byKey(state.memoryFacts),
    tree: { nodes: byKey(nodes), path: tree.path.toArray(), roots: tree.roots },
  };
}

/** Stores a story's events from its `from`-th on, as one append after the events before them. */
export function appendStoryEvents(
  events: EventLog,
  streamId: string,
  stored: readonly ConversationEvent[],
  from: number,
) {
  return events.append(
    streamId,
    stored.map((event, i) =>
      events.toAppend(event, eventIdFor("story", from + i), {
        occurredAt: "2025-05-01T09:00:00.000Z",
        correlationId: "story",
        causationId: null,
        actor: "test",
        requestId: null,
      }),
    ),
    from === 0 ? "no_stream" : from - 1,
  );
}

/**
 * A conversation that uses every way its tree changes: replies regenerated and retried, a message
 * edited, a branch taken and left, a message hidden and shown again, facts recorded, corrected
 * and forgotten, a summary and a picture.
 */
export function branchingStory(): Story {
  const story = new Story()
    .send("m1", "I have a dog called Rex")
    .reply("r1", "m1")
    .mood("playful", 0.6, "r1")
    .affinity(3, "r1")
    .send("m2")
    .reply("r2", "m2")
    .regenerate("r2", "g2", "another take")
    .send("m3")
    .reply("r3", "m3");
  story.run({
    type: "RecordMemoryFact",
    factId: "f1",
    text: "Has a dog called Rex",
    kind: "pet",
    sourceMessageIds: ["m1"],
  });
  story.run({
    type: "RecordMemoryFact",
    factId: "f2",
    text: "Likes tea",
    kind: "preference",
    sourceMessageIds: ["m1"],
  });
  story.run({ type: "CorrectMemoryFact", factId: "f1", text: "Has a dog called Max", by: "person" });
  story.run({ type: "ForgetMemoryFact", factId: "f2", by: "person" });
  story.edit("m3", "e3", "edited").reply("r4", "e3").grantImage("q1", "e3", "r4");
  story.run({ type: "HideMessage", messageId: "m2", clientRequestId: "h1" });
  story.run({
    type: "SummarizeMemory",
    summaryId: "s1",
    summary: "They talked about Rex.",
    facts: [],
    coversFromRevision: 0,
    coversToRevision: story.state.revision,
    messageCount: story.state.memory.unsummarizedMessages,
  });
  story.branch("r1").send("m5").run({ type: "StartReply", replyId: "r5", messageId: "m5" });
  story.fail("r5").run({ type: "RetryReply", replyId: "r6", messageId: "m5" });
  story.complete("r6").run({ type: "UnhideMessage", messageId: "m2", clientRequestId: "u1" });
  story.choose("m2").choose("r2");
  return story.send("m7").reply("r7", "m7").affinity(-2);
}
